// Reading the generated sample back, independently of the generator: plain CSV and JSON for the
// Comune's files, Windows-1252 + `;` + comma decimals for the partners' Excel exports.

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type Riga = Record<string, string>;

/** Every file under a folder, as sorted relative paths. */
export async function elencoFile(cartella: string): Promise<string[]> {
  const entries = await readdir(cartella, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(cartella, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** A UTF-8, comma-separated CSV as objects keyed by header. */
export async function leggiCsv(cartella: string, path: string): Promise<Riga[]> {
  return parse(await readFile(join(cartella, path), 'utf8'), { columns: true }) as Riga[];
}

/** A JSON file. */
export async function leggiJson<T>(cartella: string, path: string): Promise<T> {
  return JSON.parse(await readFile(join(cartella, path), 'utf8')) as T;
}

/** Text of a Windows-1252 file. */
export async function leggi1252(cartella: string, path: string): Promise<string> {
  return iconv.decode(await readFile(join(cartella, path)), 'win1252');
}

/** `1.234,50` → 1234.5 (Italian Excel); empty → undefined. */
export function numeroIt(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  return Number(text.replace(/\./g, '').replace(',', '.'));
}

/** A quartiere name folded the tolerant way: case, accents, apostrophes, hyphens, dots, S./San/Sant'. */
export function piega(nome: string): string {
  const words = nome
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w === 's' || w === 'san' || w === 'sant' || w === 'santa' ? 's' : w));
  return words.join('');
}

/** Resolves the ways the sample names a quartiere (ASC code, Comune number, name) to its ASC code. */
export function risolutore(quartieri: readonly Riga[]): (valore: string) => string | undefined {
  const perNome = new Map<string, string>();
  const perNumero = new Map<string, string>();
  for (const q of quartieri) {
    const codice = q.codice_quartiere!;
    perNumero.set(q.numero!, codice);
    const nomi = [
      q.quartiere!,
      ...q
        .varianti!.split(';')
        .map((v) => v.trim())
        .filter(Boolean),
    ];
    for (const n of nomi) {
      const k = piega(n);
      const prima = perNome.get(k);
      if (prima !== undefined && prima !== codice) throw new Error(`variant ${n} names two quartieri`);
      perNome.set(k, codice);
    }
  }
  const codici = new Set(quartieri.map((q) => q.codice_quartiere!));
  return (valore) => (codici.has(valore) ? valore : (perNumero.get(valore) ?? perNome.get(piega(valore))));
}

/** One erogazioni row, typed, with where it came from. */
export interface Erogazione {
  file: string;
  anno: number;
  /** ASC code, ND, or undefined when the name did not resolve. */
  codice: string | undefined;
  scritto: string;
  servizio: string;
  ente: string;
  utenti: number;
  posti?: number;
  ore?: number;
  volontari?: number;
  spesa?: number;
  domande?: number;
  listaAttesa?: number;
  nuoviUtenti?: number;
  utentiNeet?: number;
}

/** All erogazioni of the project: the Comune's CSV, partner CSV (Windows-1252) and JSON. */
export async function leggiErogazioni(
  cartella: string,
  files: readonly string[],
  risolvi: (v: string) => string | undefined,
): Promise<Erogazione[]> {
  const out: Erogazione[] = [];
  const add = (file: string, r: Record<string, unknown>, num: (v: unknown) => number | undefined): void => {
    const scritto = String(r.codice_quartiere ?? r.quartiere);
    out.push({
      file,
      anno: Number(r.anno),
      codice: scritto === 'ND' ? 'ND' : risolvi(scritto),
      scritto,
      servizio: String(r.codice_servizio),
      ente: String(r.codice_ente),
      utenti: num(r.utenti)!,
      posti: num(r.posti),
      ore: num(r.ore),
      volontari: num(r.volontari),
      spesa: num(r.spesa_euro),
      domande: num(r.domande),
      listaAttesa: num(r.lista_attesa),
      nuoviUtenti: num(r.nuovi_utenti),
      utentiNeet: num(r.utenti_neet),
    });
  };
  const plain = (v: unknown): number | undefined => (v === undefined || v === '' ? undefined : Number(v));
  for (const file of files.filter((f) => /\/erogazioni[^/]*$/.test(f))) {
    if (file.startsWith('dati/')) for (const r of await leggiCsv(cartella, file)) add(file, r, plain);
    else if (file.endsWith('.json')) for (const r of await leggiJson<Record<string, unknown>[]>(cartella, file)) add(file, r, plain);
    else {
      const rows = parse(await leggi1252(cartella, file), { columns: true, delimiter: ';' }) as Riga[];
      for (const r of rows) add(file, r, (v) => numeroIt(v as string | undefined));
    }
  }
  return out;
}
