// One argument parser for every subcommand: node:util parseArgs (built into Node, well kept),
// with its errors said the CLI's way (Vietnamese first, English in brackets).

import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

type Values<T extends Record<string, OptionSpec>> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : T[K]['multiple'] extends true ? string[] : string;
};

export interface ParsedArgs<T extends Record<string, OptionSpec>> {
  values: Values<T>;
  positionals: string[];
}

/**
 * Options (`--name value`, `--name=value`, `-x value`, repeated with `multiple`) and positionals
 * (a lone "-" and everything after "--" included), or the problem in words.
 */
export function readArgs<T extends Record<string, OptionSpec>>(args: string[], options: T): ParsedArgs<T> | string {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Values<T>, positionals };
  } catch (err) {
    return problemOf(err as Error & { code?: string }, args);
  }
}

function problemOf(err: Error & { code?: string }, args: string[]): string {
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const arg = /'(-[^'\s]+)'/.exec(err.message)?.[1] ?? args.find((a) => a.startsWith('-')) ?? '';
    return `tùy chọn không rõ: ${arg} (unknown option)`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /(--[\w-]+)/.exec(err.message)?.[1] ?? '';
    if (/does not take an argument/.test(err.message)) return `${name} không nhận giá trị (takes no value)`;
    return `${name} cần một giá trị (needs a value)`;
  }
  return err.message;
}
