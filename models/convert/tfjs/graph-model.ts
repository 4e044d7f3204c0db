import { readFile } from 'node:fs/promises';
import type { WeightGroup } from '../tfjs-weights.js';

/** An attribute as TFJS serialises a TF AttrValue into model.json. */
export interface TfAttr {
  s?: string;
  i?: string;
  f?: number;
  b?: boolean;
  type?: string;
  shape?: { dim?: { size: string }[] };
  list?: { i?: string[]; s?: string[]; f?: number[] };
}

export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttr>;
}

export interface TfGraphModel {
  format: string;
  modelTopology: { node: TfNode[] };
  weightsManifest: WeightGroup[];
}

export async function readGraphModel(path: string): Promise<TfGraphModel> {
  const model = JSON.parse(await readFile(path, 'utf8')) as TfGraphModel;
  if (model.format !== 'graph-model' || !Array.isArray(model.modelTopology?.node)) {
    throw new Error(`${path}: not a TFJS graph model (format ${String(model.format)})`);
  }
  return model;
}

/** A TF string attribute; TFJS stores them base64-encoded. */
export function attrString(node: TfNode, key: string): string | undefined {
  const s = node.attr?.[key]?.s;
  return s === undefined ? undefined : Buffer.from(s, 'base64').toString('utf8');
}

export function attrStrings(node: TfNode, key: string): string[] {
  return (node.attr?.[key]?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));
}

export function attrInts(node: TfNode, key: string): number[] {
  return (node.attr?.[key]?.list?.i ?? []).map(Number);
}

export function attrInt(node: TfNode, key: string): number | undefined {
  const i = node.attr?.[key]?.i;
  return i === undefined ? undefined : Number(i);
}

export function attrBool(node: TfNode, key: string): boolean {
  return node.attr?.[key]?.b === true;
}

export function attrShape(node: TfNode, key: string): number[] {
  return (node.attr?.[key]?.shape?.dim ?? []).map((d) => Number(d.size));
}

/** Data inputs of a node: control dependencies (^name) dropped, ':0' suffixes removed. */
export function dataInputs(node: TfNode): string[] {
  return (node.input ?? []).filter((i) => !i.startsWith('^')).map((i) => i.replace(/:0$/, ''));
}
