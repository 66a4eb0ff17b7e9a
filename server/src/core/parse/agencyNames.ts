import type { AgencyRef, Span } from '../model';

/**
 * Split a written list of agencies ("Sở Nội vụ; Sở Tài chính và các cơ quan liên quan") into
 * AgencyRefs with spans (model offsets; `span` is where `text` starts in the document).
 */
export function parseAgencyList(_text: string, _offset: number): AgencyRef[] {
  return []; // TODO(parser): implement
}

/** Whether a name is a collective ("Các sở, ban, ngành", "UBND các huyện") rather than one agency. */
export function isCollective(_name: string): boolean {
  return false; // TODO(parser): implement
}

export type { Span };
