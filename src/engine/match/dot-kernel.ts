/**
 * Dot products of one probe with every row of a packed matrix: the inner loop of matching.
 *
 * Scalar JavaScript tops out near 1 ns per multiply-add (10-15 ms for 100,000 x 128 on the
 * 2-core dev box), over the 5 ms budget, so when WebAssembly SIMD exists the rows live in a
 * WebAssembly memory and a 4-lane kernel (about 30 bytes of code, encoded below) scans them.
 * WebAssembly is part of the JavaScript platform in browsers, Node and workers alike; where it
 * or SIMD is missing, or dim is not a multiple of 16, the same scan runs in plain JS.
 */

export interface DotKernel {
  /** count x dim matrix, row-major; fill it before scoring. */
  readonly rows: Float32Array;
  /** probe . row for every row. The returned array is reused by the next call. */
  dots(probe: Float32Array): Float32Array;
}

/** Floats consumed per inner-loop step: 4 accumulators x 4 lanes. */
const STEP = 16;

export function createDotKernel(count: number, dim: number): DotKernel {
  const simd = count > 0 && dim > 0 && dim % STEP === 0 ? simdKernel(count, dim) : null;
  return simd ?? scalarKernel(count, dim);
}

function scalarKernel(count: number, dim: number): DotKernel {
  const rows = new Float32Array(count * dim);
  const out = new Float32Array(count);
  return {
    rows,
    dots(probe) {
      for (let r = 0; r < count; r++) {
        const start = r * dim;
        // Independent accumulators let the CPU overlap the multiply-adds.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let i = 0;
        for (; i + 3 < dim; i += 4) {
          s0 += (rows[start + i] as number) * (probe[i] as number);
          s1 += (rows[start + i + 1] as number) * (probe[i + 1] as number);
          s2 += (rows[start + i + 2] as number) * (probe[i + 2] as number);
          s3 += (rows[start + i + 3] as number) * (probe[i + 3] as number);
        }
        for (; i < dim; i++) s0 += (rows[start + i] as number) * (probe[i] as number);
        out[r] = s0 + s1 + s2 + s3;
      }
      return out;
    },
  };
}

type DotsExport = (probe: number, rows: number, count: number, dim: number, out: number) => void;

let compiled: WebAssembly.Module | null | undefined;

function simdModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = new Uint8Array(moduleBytes());
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

function simdKernel(count: number, dim: number): DotKernel | null {
  const module = simdModule();
  if (!module) return null;
  // Memory layout (bytes): probe at 0, results after it, then the rows.
  const outAt = dim * 4;
  const rowsAt = outAt + count * 4;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((rowsAt + count * dim * 4) / 65536) });
  const dotsExport = new WebAssembly.Instance(module, { env: { mem: memory } }).exports['dots'] as DotsExport;
  const probeView = new Float32Array(memory.buffer, 0, dim);
  const out = new Float32Array(memory.buffer, outAt, count);
  return {
    rows: new Float32Array(memory.buffer, rowsAt, count * dim),
    dots(probe) {
      probeView.set(probe);
      dotsExport(0, rowsAt, count, dim, outAt);
      return out;
    },
  };
}

/**
 * The module, equivalent to this C with v128 = 4 floats:
 *   void dots(float* probe, float* rows, int count, int dim, float* out) {
 *     do { v128 a0 = a1 = a2 = a3 = 0; float* p = probe; float* end = rows + dim;
 *          do { a0 += rows[0..3] * p[0..3]; ... a3 += rows[12..15] * p[12..15];
 *               rows += 16; p += 16; } while (rows < end);
 *          a0 += a1 + a2 + a3; *out++ = a0[0] + a0[1] + a0[2] + a0[3];
 *     } while (--count); }
 */
function moduleBytes(): number[] {
  const [PROBE, ROWS, COUNT, DIM, OUT, P, END] = [0, 1, 2, 3, 4, 5, 6];
  const ACC = [7, 8, 9, 10];
  const get = (i: number) => [0x20, i];
  const set = (i: number) => [0x21, i];
  const tee = (i: number) => [0x22, i];
  const i32 = (v: number) => [0x41, ...sleb(v)];
  const simd = (op: number, ...imm: number[]) => [0xfd, ...leb(op), ...imm];
  const load = (offset: number) => simd(0x00, 4, offset); // v128.load align=16
  const [F32X4_ADD, F32X4_MUL, EXTRACT] = [0xe4, 0xe6, 0x1f];
  const zero = simd(0x0c, ...new Array<number>(16).fill(0));
  const step = ACC.flatMap((acc, k) => [...get(acc), ...get(ROWS), ...load(16 * k), ...get(P), ...load(16 * k), ...simd(F32X4_MUL), ...simd(F32X4_ADD), ...set(acc)]);
  const body = [
    0x02, 0x40, ...get(COUNT), 0x45, 0x0d, 0, // block; if count == 0 break
    0x03, 0x40, // loop over rows
    ...ACC.flatMap((acc) => [...zero, ...set(acc)]),
    ...get(PROBE), ...set(P),
    ...get(ROWS), ...get(DIM), ...i32(2), 0x74, 0x6a, ...set(END), // end = rows + dim * 4
    0x03, 0x40, // loop over the row, 16 floats a step
    ...step,
    ...get(P), ...i32(64), 0x6a, ...set(P),
    ...get(ROWS), ...i32(64), 0x6a, ...tee(ROWS), ...get(END), 0x49, 0x0d, 0, // br_if rows < end
    0x0b,
    ...get(OUT),
    ...get(ACC[0] as number), ...get(ACC[1] as number), ...simd(F32X4_ADD), ...get(ACC[2] as number), ...simd(F32X4_ADD),
    ...get(ACC[3] as number), ...simd(F32X4_ADD), ...tee(ACC[0] as number),
    ...simd(EXTRACT, 0), ...[1, 2, 3].flatMap((lane) => [...get(ACC[0] as number), ...simd(EXTRACT, lane), 0x92]),
    0x38, 2, 0, // f32.store
    ...get(OUT), ...i32(4), 0x6a, ...set(OUT),
    ...get(COUNT), ...i32(1), 0x6b, ...tee(COUNT), 0x0d, 0, // br_if --count
    0x0b, 0x0b, 0x0b, // end loop, block, function
  ];
  const locals = [2, 2, 0x7f, 4, 0x7b]; // 2 x i32 (p, end), 4 x v128
  const func = [...locals, ...body];
  const section = (id: number, content: number[]) => [id, ...leb(content.length), ...content];
  const name = (s: string) => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
  return [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]), // type: (i32 x 5) -> ()
    ...section(2, [1, ...name('env'), ...name('mem'), 0x02, 0x00, 0x00]), // import memory env.mem
    ...section(3, [1, 0]), // one function of type 0
    ...section(7, [1, ...name('dots'), 0x00, 0]), // export it
    ...section(10, [1, ...leb(func.length), ...func]),
  ];
}

/** Unsigned LEB128, for sizes, counts and opcodes. */
function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v ? byte | 0x80 : byte);
  } while (v);
  return out;
}

/** Signed LEB128, for i32.const: 64 needs two bytes, as bit 6 of the last byte is the sign. */
function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}
