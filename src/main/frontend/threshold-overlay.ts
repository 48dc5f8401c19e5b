import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

/**
 * Overlay of a segmentation with an instant threshold slider.
 *
 * Receives the original image and the probability map (an 8-bit grey PNG: 0 = 0.0, 255 = 1.0) once,
 * and on every slider movement thresholds the map and redraws the overlay on a canvas in the
 * browser, with no server round trip. The server hears the settled value: a `threshold-changed`
 * event 250 ms after the last movement, or at once when the slider is released.
 *
 * Drawing rule, the same as the server's SegmentationImages: a pixel is polyp when its probability
 * is >= the threshold; it is tinted; polyp pixels with a non-polyp pixel (or the border) within
 * `lineWidth` pixels straight left, right, up or down are the contour; the ground truth's border
 * (optional third PNG, white = polyp) is drawn over it.
 */
@customElement('threshold-overlay')
export class ThresholdOverlay extends LitElement {
  /** URL of the original image. */
  @property({ attribute: 'image-src' }) imageSrc = '';
  /** URL of the probability map, grey PNG at the image's size. */
  @property({ attribute: 'probability-src' }) probabilitySrc = '';
  /** URL of the ground-truth mask, grey PNG at the image's size; empty for none. */
  @property({ attribute: 'truth-src' }) truthSrc = '';
  /** Threshold, 0..1. */
  @property({ type: Number }) threshold = 0.5;
  /** Milliseconds the last redraw took (thresholding + drawing on the canvas). */
  @property({ type: Number, attribute: false }) lastRedrawMs = 0;
  /** Redraws done so far. */
  @property({ type: Number, attribute: false }) redraws = 0;
  /** performance.now() when the overlay was first drawn for the current images, else 0. */
  @property({ type: Number, attribute: false }) drawnAt = 0;

  @state() private ready = false;
  @state() private failed = '';

  @query('canvas') private canvas!: HTMLCanvasElement;

  private width = 0;
  private height = 0;
  private original: Uint8ClampedArray | null = null;
  private probability: Uint8Array | null = null;
  private truthEdge: Uint8Array | null = null;
  private mask: Uint8Array | null = null;
  private output: ImageData | null = null;
  private drawnThreshold = -1;
  private loadToken = 0;
  private settleTimer: number | undefined;
  private lastSent = Number.NaN;

  static styles = css`
    :host {
      display: block;
    }
    .frame {
      position: relative;
      line-height: 0;
      background: var(--lumo-contrast-5pct, #f3f5f7);
      border-radius: var(--lumo-border-radius-m, 6px);
      overflow: hidden;
      min-height: 120px;
    }
    canvas {
      width: 100%;
      height: auto;
      display: block;
    }
    .status {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      line-height: 1.4;
      font-size: var(--lumo-font-size-s, 14px);
      color: var(--lumo-secondary-text-color, #555);
    }
    .controls {
      display: flex;
      align-items: center;
      gap: 0.75em;
      margin-top: 0.6em;
      font-size: var(--lumo-font-size-s, 14px);
    }
    input[type='range'] {
      flex: 1;
      accent-color: var(--lumo-primary-color, #1676f3);
      min-width: 6em;
    }
    output {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      min-width: 2.6em;
      text-align: right;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 1em;
      margin-top: 0.4em;
      font-size: var(--lumo-font-size-xs, 12px);
      color: var(--lumo-secondary-text-color, #555);
    }
    .swatch {
      display: inline-block;
      width: 0.9em;
      height: 0.9em;
      border-radius: 2px;
      vertical-align: -0.1em;
      margin-right: 0.35em;
    }
  `;

  render() {
    return html`
      <div class="frame">
        <canvas part="canvas" aria-label="Overlay of the predicted polyp on the image"></canvas>
        ${this.ready ? '' : html`<div class="status">${this.failed || 'Loading overlay…'}</div>`}
      </div>
      <div class="controls">
        <label for="slider">Threshold</label>
        <input
          id="slider"
          type="range"
          min="0"
          max="1"
          step="0.01"
          .value=${String(this.threshold)}
          ?disabled=${!this.ready}
          @input=${this.onInput}
          @change=${this.onChange}
        />
        <output for="slider">${this.threshold.toFixed(2)}</output>
      </div>
      <div class="legend">
        <span><span class="swatch" style="background:#00d68f"></span>Predicted polyp</span>
        <span><span class="swatch" style="background:#3cffb4"></span>Contour</span>
        ${this.truthSrc
          ? html`<span><span class="swatch" style="background:#ffd400"></span>Ground truth</span>`
          : ''}
      </div>
    `;
  }

  protected updated(changed: Map<string, unknown>) {
    if (changed.has('imageSrc') || changed.has('probabilitySrc') || changed.has('truthSrc')) {
      this.load();
    } else if (changed.has('threshold') && this.threshold !== this.drawnThreshold) {
      this.redraw(this.threshold);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.clearTimeout(this.settleTimer);
  }

  private onInput(e: Event) {
    const value = Number((e.target as HTMLInputElement).value);
    this.redraw(value);
    this.threshold = value;
    window.clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => this.settle(value), 250);
  }

  private onChange(e: Event) {
    window.clearTimeout(this.settleTimer);
    this.settle(Number((e.target as HTMLInputElement).value));
  }

  private settle(value: number) {
    if (value === this.lastSent) {
      return;
    }
    this.lastSent = value;
    this.dispatchEvent(new CustomEvent('threshold-changed', { detail: { value } }));
  }

  private async load() {
    const token = ++this.loadToken;
    this.ready = false;
    this.failed = '';
    this.drawnAt = 0;
    if (!this.imageSrc || !this.probabilitySrc) {
      return;
    }
    try {
      const [image, probability, truth] = await Promise.all([
        pixels(this.imageSrc),
        pixels(this.probabilitySrc),
        this.truthSrc ? pixels(this.truthSrc) : Promise.resolve(null),
      ]);
      if (token !== this.loadToken) {
        return; // newer images arrived while these loaded
      }
      this.width = image.width;
      this.height = image.height;
      if (probability.width !== image.width || probability.height !== image.height) {
        throw new Error('the probability map and the image differ in size');
      }
      const n = image.width * image.height;
      this.original = image.data;
      this.probability = channel(probability.data, n);
      this.truthEdge = truth ? edges(channel(truth.data, n).map((v) => (v > 128 ? 1 : 0)), image.width, image.height) : null;
      this.mask = new Uint8Array(n);
      this.canvas.width = image.width;
      this.canvas.height = image.height;
      this.output = new ImageData(image.width, image.height);
      this.redraw(this.threshold);
      this.ready = true;
      this.drawnAt = performance.now();
      this.dispatchEvent(new CustomEvent('overlay-drawn'));
    } catch (e) {
      if (token === this.loadToken) {
        this.failed = 'The overlay could not be drawn: ' + (e instanceof Error ? e.message : String(e));
      }
    }
  }

  /** Thresholds the map at `value` and draws the overlay; synchronous, timed in lastRedrawMs. */
  private redraw(value: number) {
    if (!this.original || !this.probability || !this.mask || !this.output) {
      return;
    }
    const start = performance.now();
    const w = this.width;
    const h = this.height;
    const line = lineWidth(w, h);
    const prob = this.probability;
    const mask = this.mask;
    const cut = value * 255;
    for (let i = 0; i < mask.length; i++) {
      mask[i] = prob[i] >= cut ? 1 : 0;
    }
    const out = this.output.data;
    out.set(this.original);
    const truthEdge = this.truthEdge;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (!mask[i]) {
          continue;
        }
        const o = i * 4;
        if (isEdge(mask, x, y, w, h, line)) {
          out[o] = 0x3c;
          out[o + 1] = 0xff;
          out[o + 2] = 0xb4;
        } else {
          // A clamped array rounds to the nearest integer, as the server's Math.round does.
          out[o] = out[o] * (1 - ALPHA) + 0x00 * ALPHA;
          out[o + 1] = out[o + 1] * (1 - ALPHA) + 0xd6 * ALPHA;
          out[o + 2] = out[o + 2] * (1 - ALPHA) + 0x8f * ALPHA;
        }
      }
    }
    if (truthEdge) {
      for (let i = 0; i < truthEdge.length; i++) {
        if (truthEdge[i]) {
          const o = i * 4;
          out[o] = 0xff;
          out[o + 1] = 0xd4;
          out[o + 2] = 0x00;
        }
      }
    }
    this.canvas.getContext('2d')!.putImageData(this.output, 0, 0);
    this.drawnThreshold = value;
    this.lastRedrawMs = performance.now() - start;
    this.redraws++;
  }
}

const ALPHA = 0.42;

function lineWidth(w: number, h: number) {
  return Math.max(1, Math.round(Math.min(w, h) / 256));
}

function isEdge(mask: Uint8Array, x: number, y: number, w: number, h: number, line: number) {
  const i = y * w + x;
  for (let d = 1; d <= line; d++) {
    if (x - d < 0 || x + d >= w || y - d < 0 || y + d >= h) return true;
    if (!mask[i - d] || !mask[i + d] || !mask[i - d * w] || !mask[i + d * w]) return true;
  }
  return false;
}

function edges(region: Uint8Array, w: number, h: number) {
  const line = lineWidth(w, h);
  const edge = new Uint8Array(region.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (region[i] && isEdge(region, x, y, w, h, line)) edge[i] = 1;
    }
  }
  return edge;
}

/** The red channel of RGBA pixels (grey images have R = G = B). */
function channel(rgba: Uint8ClampedArray, n: number) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rgba[i * 4];
  return out;
}

/** Fetches an image and returns its exact pixel values (no colour management). */
async function pixels(url: string): Promise<ImageData> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  const bitmap = await createImageBitmap(await response.blob(), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  const { width, height } = bitmap;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

declare global {
  interface HTMLElementTagNameMap {
    'threshold-overlay': ThresholdOverlay;
  }
}
