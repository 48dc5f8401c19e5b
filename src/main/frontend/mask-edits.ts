/**
 * Hand corrections of a predicted mask, at the image's full size: per pixel 0 = as predicted,
 * 1 = polyp (brush), 2 = not polyp (eraser). Kept as overrides rather than as a finished mask so
 * the threshold slider still acts on every pixel the user did not touch.
 *
 * Strokes are undoable: each keeps the pixels it changed with their values before and after.
 * The text form (the server's org.polypseg.segment.MaskEdits reads it) is the size and the
 * run-length encoded values: "622x530;0*1234,1*20,0*...".
 */
export class MaskEdits {
  readonly values: Uint8Array;
  private changed = 0;
  private stroke: { index: number[]; before: number[]; after: number[] } | null = null;
  private done: { index: Int32Array; before: Uint8Array; after: Uint8Array }[] = [];
  private undone: { index: Int32Array; before: Uint8Array; after: Uint8Array }[] = [];

  constructor(readonly width: number, readonly height: number) {
    this.values = new Uint8Array(width * height);
  }

  /** Pixels that differ from the prediction's rule (painted or erased). */
  count() {
    return this.changed;
  }

  canUndo() {
    return this.done.length > 0;
  }

  canRedo() {
    return this.undone.length > 0;
  }

  beginStroke() {
    this.stroke = { index: [], before: [], after: [] };
  }

  /**
   * Sets every pixel whose centre lies within `radius` of (x, y) to `value`; true when any
   * changed. Outside a stroke it is a stroke of its own.
   */
  dab(x: number, y: number, radius: number, value: 1 | 2) {
    const own = this.stroke === null;
    if (own) this.beginStroke();
    const s = this.stroke!;
    const x0 = Math.max(0, Math.floor(x - radius));
    const x1 = Math.min(this.width - 1, Math.ceil(x + radius));
    const y0 = Math.max(0, Math.floor(y - radius));
    const y1 = Math.min(this.height - 1, Math.ceil(y + radius));
    const r2 = radius * radius;
    let any = false;
    for (let py = y0; py <= y1; py++) {
      for (let px = x0; px <= x1; px++) {
        const dx = px + 0.5 - x;
        const dy = py + 0.5 - y;
        if (dx * dx + dy * dy > r2) continue;
        if (this.record(s, py * this.width + px, value)) any = true;
      }
    }
    if (own) this.endStroke();
    return any;
  }

  /**
   * Sets every pixel whose centre lies inside the polygon (image coordinates, even-odd rule) to
   * `value`, as one undoable stroke; true when any changed.
   */
  fillPolygon(points: { x: number; y: number }[], value: 1 | 2) {
    if (points.length < 3) return false;
    this.beginStroke();
    const s = this.stroke!;
    const ys = points.map((p) => p.y);
    const y0 = Math.max(0, Math.floor(Math.min(...ys)));
    const y1 = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    for (let py = y0; py <= y1; py++) {
      const cy = py + 0.5;
      // Where the row's centre line crosses the edges, left to right; inside between pairs.
      const xs: number[] = [];
      for (let k = 0; k < points.length; k++) {
        const a = points[k];
        const b = points[(k + 1) % points.length];
        if ((a.y <= cy && b.y > cy) || (b.y <= cy && a.y > cy)) {
          xs.push(a.x + ((cy - a.y) / (b.y - a.y)) * (b.x - a.x));
        }
      }
      xs.sort((m, n) => m - n);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.ceil(xs[k] - 0.5));
        const to = Math.min(this.width - 1, Math.floor(xs[k + 1] - 0.5));
        for (let px = from; px <= to; px++) this.record(s, py * this.width + px, value);
      }
    }
    return this.endStroke();
  }

  /** Ends the stroke; true when it changed anything (it is then undoable). */
  endStroke() {
    const s = this.stroke;
    this.stroke = null;
    if (!s || s.index.length === 0) return false;
    this.done.push({ index: Int32Array.from(s.index), before: Uint8Array.from(s.before), after: Uint8Array.from(s.after) });
    this.undone = [];
    return true;
  }

  undo() {
    const s = this.done.pop();
    if (!s) return false;
    // In reverse, so a pixel touched twice in one stroke gets its first value back.
    for (let k = s.index.length - 1; k >= 0; k--) this.set(s.index[k], s.before[k]);
    this.undone.push(s);
    return true;
  }

  redo() {
    const s = this.undone.pop();
    if (!s) return false;
    for (let k = 0; k < s.index.length; k++) this.set(s.index[k], s.after[k]);
    this.done.push(s);
    return true;
  }

  /** Discards every correction, as one undoable step; false when there were none. */
  clearAll() {
    if (this.changed === 0) return false;
    this.beginStroke();
    const s = this.stroke!;
    for (let i = 0; i < this.values.length; i++) this.record(s, i, 0);
    return this.endStroke();
  }

  /** Sets pixel `i` to `value` as part of stroke `s` (kept for undo); false when it had it. */
  private record(s: { index: number[]; before: number[]; after: number[] }, i: number, value: number) {
    const old = this.values[i];
    if (old === value) return false;
    s.index.push(i);
    s.before.push(old);
    s.after.push(value);
    this.set(i, value);
    return true;
  }

  /** Forgets every correction and the history. */
  clearQuietly() {
    this.values.fill(0);
    this.changed = 0;
    this.done = [];
    this.undone = [];
  }

  /** The text form: size, then value*run pairs. */
  toText() {
    if (this.changed === 0) return '';
    const parts: string[] = [];
    let value = this.values[0];
    let run = 0;
    for (let i = 0; i < this.values.length; i++) {
      if (this.values[i] === value) {
        run++;
      } else {
        parts.push(`${value}*${run}`);
        value = this.values[i];
        run = 1;
      }
    }
    parts.push(`${value}*${run}`);
    return `${this.width}x${this.height};${parts.join(',')}`;
  }

  /** Takes the corrections of a text form (the history starts anew); ignores another size's. */
  setText(text: string) {
    this.clearQuietly();
    const match = /^(\d+)x(\d+);(.*)$/.exec(text || '');
    if (!match || Number(match[1]) !== this.width || Number(match[2]) !== this.height) return;
    let i = 0;
    for (const pair of match[3].split(',')) {
      const [v, r] = pair.split('*').map(Number);
      const end = Math.min(this.values.length, i + r);
      if (v === 1 || v === 2) for (let k = i; k < end; k++) this.set(k, v);
      i = end;
    }
  }

  private set(i: number, value: number) {
    const old = this.values[i];
    if (old === value) return;
    if (old === 0) this.changed++;
    else if (value === 0) this.changed--;
    this.values[i] = value;
  }
}
