// Coverage: which plan items carry out each task the parent assigns.
//
// Both sides become tf-idf vectors over the same feature space (IDF over the parent's tasks and
// the plan's items together, so words every item repeats — "khu", "công nghiệp" in an industrial-
// park plan — weigh little). Plan items are indexed by feature; each parent task is scored only
// against items sharing a feature with it, which keeps 100 KB × 100 KB well under 100 ms.

import type { PlanDocument, Span } from '../model';
import { compareYmd, type Deadline, findDeadlines } from './deadline';
import { addresseesOf, extractParentTasks, levelOfIssuer, parentKeyOf, tableTasks, type DocKey, type Level, type ParentTask } from './extract';
import { InvertedIndex, VectorSpace } from './similarity';
import { ownText, unitsOf, type Unit } from './units';

export type CoverageStatus = 'covered' | 'partial' | 'uncovered';

/** A plan item that carries out (part of) a parent task. */
export interface PlanMatch extends Span {
  /** Index into the plan's units (see unitsOf). */
  unit?: number;
  /** Index into `plan.items`, when the plan's outline was parsed. */
  item?: number;
  /** Index into `plan.tasks`, when the parser found a task there. */
  task?: number;
  /** Table and row for appendix rows. */
  table?: number;
  row?: number;
  /** Cosine similarity, 0…1. */
  score: number;
  /** "II.3.-1", "PL.12". */
  label: string;
  /** 0-based line in the plan. */
  line: number;
  /** First words of the item. */
  text: string;
  lead?: string;
  deadline?: Deadline;
}

export interface TaskCoverage {
  task: ParentTask;
  status: CoverageStatus;
  /** Best score. */
  score: number;
  matches: PlanMatch[];
  /** Why a duty counts as covered without a matching item ("the plan itself"). */
  note?: string;
}

export interface CoverageOptions {
  /** Best score at or above which a task is covered. */
  covered?: number;
  /** Best score at or above which a task is partly covered; below it, uncovered. */
  partial?: number;
  /** At most this many plan items per parent task. */
  maxMatches?: number;
  /** Items scoring below this share of the best match are left out (they share words, not the task). */
  relativeCut?: number;
  /** Parent tasks already extracted (the server caches them per parent). */
  parentTasks?: ParentTask[];
}

/** Thresholds picked on the labelled pair laocai 34-NQ/TU → 134/KH-UBND (see test/fixtures/parent/LABELS.md). */
export const DEFAULT_THRESHOLDS = { covered: 0.2, partial: 0.12 };

export interface CoverageResult {
  parentKey?: DocKey;
  planKey?: DocKey;
  /** The level the plan is issued at (duties to other levels are left out). */
  planLevel?: Level;
  tasks: TaskCoverage[];
  /** The plan units the matches point into. */
  planUnits: Unit[];
  thresholds: { covered: number; partial: number };
}

/** Sections whose items restate the parent rather than carry it out. */
const RESTATING = new Set(['purpose', 'requirements', 'purpose-requirements']);

/** Headings that name a topic, not an action: "Giải pháp về …", "Nhóm nhiệm vụ về …", "Về …". */
const TOPIC_HEADING_RE = /^(?:(?:các\s+)?(?:nhóm\s+)?(?:nhiệm vụ|giải pháp)(?:,?\s+(?:và\s+)?(?:nhiệm vụ|giải pháp))?(?:\s+chủ yếu)?\s+(?:về|đối với)\s|về\s)/iu;

interface Candidate {
  text: string;
  match: Omit<PlanMatch, 'score'>;
}

function candidatesOf(plan: PlanDocument, units: Unit[]): Candidate[] {
  const out: Candidate[] = [];
  const taskByItem = new Map<number, number>();
  plan.tasks.forEach((t, i) => {
    if (t.item !== undefined && !taskByItem.has(t.item)) taskByItem.set(t.item, i);
  });
  for (const u of units) {
    if (u.depth === 0 || RESTATING.has(u.section)) continue;
    const own = ownText(plan, u);
    if (own.trim().length < 6) continue;
    // "2. Giải pháp về quy hoạch" names the area its bullets work in; it does nothing itself, and
    // its one or two topic words would match every parent task on that topic.
    if (u.children.length > 0 && TOPIC_HEADING_RE.test(u.title)) continue;
    // A bullet's meaning often lives in its heading ("3. Hoàn thiện … mặt bằng sạch" then "- UBND cấp
    // xã chủ trì …"): give it the heading's words too, but not the section title.
    const heading = u.parent >= 0 && units[u.parent].depth > 0 ? units[u.parent].title : '';
    const task = u.item !== undefined ? taskByItem.get(u.item) : undefined;
    const t = task !== undefined ? plan.tasks[task] : undefined;
    const deadlines = findDeadlines(own, u.own.start);
    out.push({
      text: heading ? `${own}\n${heading}` : own,
      match: {
        unit: u.index,
        item: u.item,
        task,
        start: u.own.start,
        end: u.own.end,
        label: u.path,
        line: u.line,
        text: own.trim().slice(0, 160),
        lead: t?.lead?.name ?? leadIn(own),
        deadline: deadlines.length > 0 ? deadlines[deadlines.length - 1] : undefined,
      },
    });
  }
  const taskByRow = new Map<string, number>();
  plan.tasks.forEach((t, i) => {
    if (t.table !== undefined && t.row !== undefined && !taskByRow.has(`${t.table}:${t.row}`)) taskByRow.set(`${t.table}:${t.row}`, i);
  });
  tableTasks(plan).forEach((r) => {
    const task = taskByRow.get(`${r.table}:${r.row}`) ?? -1;
    out.push({
      text: r.text,
      match: {
        table: r.table,
        row: r.row,
        task: task >= 0 ? task : undefined,
        start: r.start,
        end: r.end,
        label: r.label,
        line: r.line,
        text: r.text.slice(0, 160),
        lead: r.lead,
        deadline: r.deadline,
      },
    });
  });
  return out;
}

/** "Sở X chủ trì", "- Cơ quan chủ trì: Sở X", "UBND cấp xã: …" — the lead named in an item, roughly. */
function leadIn(text: string): string | undefined {
  const explicit = /(?:Cơ\s+quan|Đơn\s+vị)\s+chủ\s+trì[^:\n]{0,20}:\s*([^.;\n]{3,100})/u.exec(text);
  if (explicit) return explicit[1].trim();
  const inline = /^(?:[-+•]\s*)?((?:Sở|Ban|Ủy ban|UBND|Bộ|Công an|Văn phòng|Thanh tra|Chủ đầu tư)[^,:;.]{2,80}?)\s+(?:chủ\s+trì|:)/u.exec(text.trim());
  return inline ? inline[1].trim() : undefined;
}

/**
 * Match every parent task to the plan items that carry it out. Duties the parent lays on other
 * levels are left out; a duty to issue a plan is covered by the plan itself.
 */
export function matchCoverage(plan: PlanDocument, parent: PlanDocument, options: CoverageOptions = {}): CoverageResult {
  const thresholds = { covered: options.covered ?? DEFAULT_THRESHOLDS.covered, partial: options.partial ?? DEFAULT_THRESHOLDS.partial };
  const maxMatches = options.maxMatches ?? 5;
  const relativeCut = options.relativeCut ?? 0.4;
  const planLevel = levelOfIssuer(plan);
  const parentTasks = (options.parentTasks ?? extractParentTasks(parent)).filter((t) => {
    if (!planLevel) return true;
    if (t.kind === 'duty') return (t.addressees ?? []).includes(planLevel);
    // A task whose lead is another level's body ("Ban Tổ chức Tỉnh ủy" in a UBND plan's parent)
    // is not this plan's to carry out.
    const leadLevels = t.lead ? addresseesOf(t.lead) : [];
    return leadLevels.length === 0 || leadLevels.includes(planLevel);
  });
  const units = unitsOf(plan);
  const candidates = candidatesOf(plan, units);
  const space = new VectorSpace([...parentTasks.map((t) => t.text), ...candidates.map((c) => c.text)]);
  const base = parentTasks.length;
  const index = new InvertedIndex(space.vectors, candidates.map((_, i) => base + i));
  const hasCandidateChildren: boolean[] = [];
  for (const c of candidates) {
    const u = c.match.unit;
    if (u !== undefined && units[u].parent >= 0) hasCandidateChildren[units[u].parent] = true;
  }
  const reportingUnits = candidates.filter((c) => c.match.unit !== undefined && units[c.match.unit].section === 'reporting');
  const tasks: TaskCoverage[] = parentTasks.map((task, ti) => {
    // Only the few above the cut come back, and only they are sorted.
    // The relative cut drops items that share words, not the task, with the best match; but an item
    // that would cover the task on its own stays even beside a near-verbatim restatement of it.
    const floorOf = (top: number) => Math.max(thresholds.partial, Math.min(top * relativeCut, thresholds.covered));
    const { best, hits } = index.ranked(space.vectors[ti], floorOf);
    const floor = floorOf(best);
    const ranked = hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const hitUnits = new Set<number>();
    for (const [id, score] of ranked) if (score >= floor && candidates[id - base].match.unit !== undefined) hitUnits.add(candidates[id - base].match.unit!);
    const matches: PlanMatch[] = [];
    for (const [id, score] of ranked) {
      if (matches.length >= maxMatches || score < floor) break;
      // A heading is carried out by its bullets: when none of them matches, the heading matched
      // through its summary words ("phát triển … các khu công nghiệp") and is left out.
      const u = candidates[id - base].match.unit;
      if (u !== undefined && hasCandidateChildren[u] && !units[u].children.some((ch) => hitUnits.has(ch))) continue;
      matches.push({ ...candidates[id - base].match, score: round(score) });
    }
    let status: CoverageStatus = best >= thresholds.covered ? 'covered' : best >= thresholds.partial ? 'partial' : 'uncovered';
    let note: string | undefined;
    if (task.kind === 'duty') {
      // Issuing this plan is what the duty asks; reporting duties are met by a reporting section.
      const reports = task.asksReport && (plan.reporting.length > 0 || reportingUnits.length > 0);
      if (task.asksPlan || reports) {
        status = 'covered';
        note = task.asksPlan ? 'plan' : 'reporting';
      }
      if (reports) {
        matches.length = 0;
        for (const c of reportingUnits.slice(0, maxMatches)) matches.push({ ...c.match, score: 0 });
      }
    }
    return { task, status, score: round(best), matches, note };
  });
  return { parentKey: parentKeyOf(parent), planKey: parentKeyOf(plan), planLevel, tasks, planUnits: units, thresholds };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Matches whose deadline is later than the parent task's (the plan gives itself more time). */
export function laterDeadlines(result: CoverageResult): { coverage: TaskCoverage; match: PlanMatch }[] {
  const out: { coverage: TaskCoverage; match: PlanMatch }[] = [];
  for (const c of result.tasks) {
    const pd = c.task.deadline;
    if (!pd || c.status === 'uncovered') continue;
    for (const m of c.matches) {
      if (m.deadline && m.score >= result.thresholds.covered && compareYmd(m.deadline.date, pd.date) > 0) out.push({ coverage: c, match: m });
    }
  }
  return out;
}
