import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { MaskEdits } from './mask-edits';

/**
 * The segmentation viewer: the overlay with an instant threshold slider, and (with `heat-src`)
 * the original and the heat map beside it, zoomed and panned together.
 *
 * Receives the original image, the probability map (an 8-bit grey PNG: 0 = 0.0, 255 = 1.0) and
 * optionally the truth mask and the heat map once; every slider movement thresholds the map and
 * redraws the overlay in the browser, with no server round trip. The server hears settled values
 * only: `threshold-changed` 250 ms after the last movement (or at once on release), and
 * `edits-changed` after a brush stroke, an undo or a redo.
 *
 * Drawing happens at the canvas's display resolution (its CSS size × devicePixelRatio), not the
 * image's: a 3840×2160 frame shown 450 px wide is thresholded over 450×253 pixels, so the slider
 * stays instant on large frames. Zoom and pan choose which part of the image fills the canvas.
 *
 * Drawing rule (the server's SegmentationImages uses the same colours and rule at full size): a
 * pixel is polyp when its probability is >= the threshold, unless a brush stroke said otherwise;
 * polyp pixels are tinted blue; polyp pixels with a non-polyp pixel (or the border) within the
 * line width straight left, right, up or down are the white contour; the ground truth's border is
 * dashed yellow and black. With "Compare", true positives are blue, false positives vermilion
 * with / hatching and false negatives yellow with \ hatching: each told apart by a pattern as well
 * as a colour, for red-green colour-blind eyes.
 *
 * Everything the pointer does the keyboard does too, on the focused overlay (KEYS says which key
 * does what): a ring shows the brush at the keyboard's cursor; Space held down paints as the
 * arrows move it.
 */
@customElement('threshold-overlay')
export class ThresholdOverlay extends LitElement {
  /** URL of the original image. */
  @property({ attribute: 'image-src' }) imageSrc = '';
  /** URL of the probability map, grey PNG at the image's size. */
  @property({ attribute: 'probability-src' }) probabilitySrc = '';
  /** URL of the ground-truth mask, grey PNG at the image's size; empty for none. */
  @property({ attribute: 'truth-src' }) truthSrc = '';
  /** URL of the heat map at the image's size; with it the original and heat map views show. */
  @property({ attribute: 'heat-src' }) heatSrc = '';
  /** Threshold, 0..1. */
  @property({ type: Number }) threshold = 0.5;
  /** The image's name, for the views' accessible names. */
  @property({ attribute: 'image-name' }) imageName = '';
  /** Hand corrections from the server (run-length text, see MaskEdits), applied on load. */
  @property({ attribute: 'edits' }) editsText = '';
  /** Dice at thresholds 0.00..1.00 (101 comma-separated values) against the truth; empty for none. */
  @property({ attribute: 'dice-curve' }) diceCurve = '';
  /** True when the brush tools are offered (a still image; not a video frame). */
  @property({ type: Boolean, attribute: 'editable' }) editable = false;
  /** The image's width in pixels, once loaded. */
  get imageWidth() {
    return this.width;
  }
  /** The image's height in pixels, once loaded. */
  get imageHeight() {
    return this.height;
  }
  /** Milliseconds the last redraw took (thresholding + drawing on the canvas). */
  @property({ type: Number, attribute: false }) lastRedrawMs = 0;
  /** Redraws done so far. */
  @property({ type: Number, attribute: false }) redraws = 0;
  /** performance.now() when the overlay was first drawn for the current images, else 0. */
  @property({ type: Number, attribute: false }) drawnAt = 0;

  @state() private ready = false;
  @state() private failed = '';
  @state() private zoom = 1;
  @state() private tool: 'view' | 'brush' | 'eraser' | 'polygon' = 'view';
  /** The polygon being drawn (image coordinates): filled as polyp when it is closed. */
  @state() private polygon: { x: number; y: number }[] = [];
  @state() private brushSize = 24;
  @state() private opacity = 0.45;
  @state() private showFill = true;
  @state() private showContour = true;
  @state() private showTruth = true;
  @state() private compare = false;
  @state() private probe = '';
  @state() private announced = '';
  @state() private canUndo = false;
  @state() private canRedo = false;
  @state() private correctedPixels = 0;
  @state() private keyFocus = false;
  // On a phone-wide view the layer options fold under "Layers", so the toolbar stays short.
  @state() private narrow = false;
  @state() private layersOpen = false;

  @query('#overlay-canvas') private canvas!: HTMLCanvasElement;
  @query('#original-canvas') private originalCanvas?: HTMLCanvasElement;
  @query('#heat-canvas') private heatCanvas?: HTMLCanvasElement;
  @query('.views') private views!: HTMLElement;

  private width = 0;
  private height = 0;
  private originalBitmap: ImageBitmap | null = null;
  private heatBitmap: ImageBitmap | null = null;
  private probability: Uint8Array | null = null;
  private truth: Uint8Array | null = null;
  private edits: MaskEdits | null = null;
  // The view: image coordinates of the canvas's centre; zoom 1 shows the whole image.
  private centreX = 0;
  private centreY = 0;
  // Display-resolution samples of the current view, remade when the view or canvas size changes.
  private dw = 0;
  private dh = 0;
  private sourceX: Int32Array = new Int32Array(0);
  private sourceY: Int32Array = new Int32Array(0);
  private base: Uint8ClampedArray | null = null;
  private sampledProbability = new Uint8Array(0);
  private sampledTruth = new Uint8Array(0);
  private sampledEdits = new Uint8Array(0);
  private mask = new Uint8Array(0);
  private output: ImageData | null = null;
  private drawnThreshold = -1;
  private loadToken = 0;
  private settleTimer: number | undefined;
  private announceTimer: number | undefined;
  private editsTimer: number | undefined;
  private lastSent = Number.NaN;
  private resizeObserver = new ResizeObserver(() => {
    this.narrow = this.views.getBoundingClientRect().width < 600;
    this.resample();
  });
  private drag: { x: number; y: number; cx: number; cy: number } | null = null;
  private painting = false;
  private lastDab: { x: number; y: number } | null = null;
  // The keyboard's cursor on the overlay, in image coordinates; null until the view has focus.
  private keyCursor: { x: number; y: number } | null = null;
  private keyPainting = false;

  static styles = css`
    :host {
      display: block;
      container-type: inline-size;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.35em 0.9em;
      margin-bottom: 0.6em;
      font-size: var(--lumo-font-size-s, 14px);
    }
    .group {
      display: flex;
      align-items: center;
      gap: 0.3em;
      flex-wrap: wrap;
    }
    button {
      font: inherit;
      min-height: 36px;
      min-width: 36px;
      padding: 0 0.7em;
      border-radius: var(--lumo-border-radius-m, 6px);
      border: 1px solid var(--lumo-contrast-20pct, #ccd);
      background: var(--lumo-base-color, #fff);
      color: var(--lumo-body-text-color, #1a1a1a);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--lumo-primary-color, #1676f3);
      border-color: var(--lumo-primary-color, #1676f3);
      color: var(--lumo-primary-contrast-color, #fff);
    }
    button:disabled {
      opacity: 0.45;
      cursor: default;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 2px solid var(--lumo-primary-color, #1676f3);
      outline-offset: 2px;
    }
    details.layers > summary {
      display: none;
    }
    .narrow details.layers > summary {
      display: inline-flex;
      align-items: center;
      min-height: 36px;
      padding: 0 0.7em;
      border-radius: var(--lumo-border-radius-m, 6px);
      border: 1px solid var(--lumo-contrast-20pct, #ccd);
      cursor: pointer;
    }
    .narrow details.layers[open] > summary {
      margin-bottom: 0.35em;
    }
    label.check {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      min-height: 36px;
      cursor: pointer;
    }
    .views {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      grid-template-areas: 'original overlay heat' 'controls controls controls';
      gap: 1rem;
      align-items: start;
    }
    .views.single {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'overlay' 'controls';
    }
    @container (max-width: 699px) {
      .views {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        grid-template-areas: 'overlay overlay' 'controls controls' 'original heat';
      }
    }
    .views:fullscreen {
      background: #111;
      padding: 1rem;
      align-content: center;
      color: #eee;
    }
    figure {
      margin: 0;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    figcaption {
      font-size: var(--lumo-font-size-xs, 12px);
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--lumo-secondary-text-color, #555);
    }
    .frame {
      position: relative;
      line-height: 0;
      background: var(--lumo-contrast-5pct, #f3f5f7);
      border-radius: var(--lumo-border-radius-m, 6px);
      overflow: hidden;
      min-height: 120px;
      touch-action: none;
    }
    .frame:focus-visible {
      outline: 2px solid var(--lumo-primary-color, #1676f3);
      outline-offset: 2px;
    }
    .keys {
      margin-top: 0.4em;
      font-size: var(--lumo-font-size-xs, 12px);
      color: var(--lumo-secondary-text-color, #555);
    }
    .frame.pan {
      cursor: grab;
    }
    .frame.paint {
      cursor: crosshair;
    }
    canvas {
      width: 100%;
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
    .below {
      min-width: 0;
    }
    .views:fullscreen .below {
      color: #eee;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
      margin-top: 0.6em;
      font-size: var(--lumo-font-size-s, 14px);
    }
    .slider-row {
      display: flex;
      align-items: center;
      gap: 0.75em;
      flex: 1 1 16em;
      min-width: 0;
    }
    input[type='range'] {
      flex: 1;
      accent-color: var(--lumo-primary-color, #1676f3);
      min-width: 6em;
      height: 44px;
      margin: 0;
    }
    input[type='number'] {
      font: inherit;
      width: 4.6em;
      min-height: 36px;
      box-sizing: border-box;
      padding: 0 0.4em;
      border: 1px solid var(--lumo-contrast-30pct, #99a);
      border-radius: var(--lumo-border-radius-m, 6px);
      font-variant-numeric: tabular-nums;
    }
    .probe {
      font-variant-numeric: tabular-nums;
      color: var(--lumo-secondary-text-color, #555);
      min-width: 12em;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4em 1em;
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
      border: 1px solid rgba(0, 0, 0, 0.35);
    }
    .colour-bar {
      display: flex;
      justify-content: space-between;
      font-size: var(--lumo-font-size-xxs, 11px);
      line-height: 1.4;
      color: white;
      padding: 2px 6px;
      border-radius: 4px;
      background: linear-gradient(to right, #000004, #1f0c48, #550f6d, #88226a, #ba3655,
        #e35933, #f98c0a, #f9c932, #fcffa4);
    }
    .colour-bar span:last-child {
      color: #222;
    }
    .curve {
      margin: 0.6em 0 0;
      max-width: 34rem;
    }
    .curve svg {
      width: 100%;
      height: auto;
      cursor: pointer;
      font-size: 10px;
      fill: var(--lumo-secondary-text-color, #555);
    }
    .curve .axis {
      stroke: var(--lumo-contrast-30pct, #99a);
    }
    .curve .dice {
      fill: none;
      stroke: #0072b2;
      stroke-width: 2;
    }
    .curve .now {
      stroke: #d55e00;
      stroke-dasharray: 3 3;
    }
    .curve .best {
      fill: #f0e442;
      stroke: #000;
    }
    .curve-summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      font-size: var(--lumo-font-size-xs, 12px);
      color: var(--lumo-secondary-text-color, #555);
      font-variant-numeric: tabular-nums;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `;

  render() {
    const all = !!this.heatSrc;
    const name = this.imageName ? ` of ${this.imageName}` : '';
    const truth = !!this.truthSrc;
    return html`
      <div class="toolbar ${this.narrow ? 'narrow' : ''}" role="toolbar" aria-label="View and correct">
        <div class="group" role="group" aria-label="Zoom">
          <button id="zoom-out" title="Zoom out" aria-label="Zoom out" @click=${() => this.zoomBy(1 / 1.5)}
            ?disabled=${this.zoom <= 1}>−</button>
          <span id="zoom-level" aria-live="off">${Math.round(this.zoom * 100)} %</span>
          <button id="zoom-in" title="Zoom in" aria-label="Zoom in" @click=${() => this.zoomBy(1.5)}
            ?disabled=${this.zoom >= 16}>+</button>
          <button id="zoom-fit" @click=${this.fit} ?disabled=${this.zoom === 1}>Fit</button>
          <button id="fullscreen" title="Full screen" aria-label="Full screen"
            @click=${this.fullscreen}>${this.narrow ? FULL_SCREEN_ICON : 'Full screen'}</button>
        </div>
        ${this.narrow ? this.layers(truth) : nothing}
        ${this.editable
          ? html`<div class="group" role="group" aria-label="Correct the mask">
              ${this.toolButton('view', 'Move', 'Drag to pan, wheel to zoom (key M)')}
              ${this.toolButton('brush', 'Brush', 'Paint polyp (key B)')}
              ${this.toolButton('eraser', 'Eraser', 'Erase polyp (key E)')}
              ${this.toolButton('polygon', 'Polygon', 'Outline a polyp point by point; double-click, '
                + 'or click the first point, to fill it (key P; Enter adds a point at the keyboard\'s '
                + 'cursor, Backspace removes the last, Escape cancels)')}
              ${this.narrow && this.tool !== 'brush' && this.tool !== 'eraser'
                ? nothing /* a phone's toolbar keeps to three rows: the size shows with its tool */
                : html`<label class="check" title="Brush size in screen pixels">Size
                    <input id="brush-size" type="number" min="2" max="200" step="2" .value=${String(this.brushSize)}
                      @change=${(e: Event) => (this.brushSize = clamp(Number((e.target as HTMLInputElement).value) || 24, 2, 200))} />
                  </label>`}
              <button id="undo" @click=${this.undo} ?disabled=${!this.canUndo}>Undo</button>
              <button id="redo" @click=${this.redo} ?disabled=${!this.canRedo}>Redo</button>
              <button id="clear-edits" @click=${this.clearEdits} ?disabled=${this.correctedPixels === 0}>
                Discard corrections</button>
            </div>`
          : nothing}
        ${this.narrow ? nothing : this.layers(truth)}
      </div>
      <div class="views ${all ? '' : 'single'}">
        <figure style="grid-area: overlay">
          ${all ? html`<figcaption>Overlay</figcaption>` : nothing}
          <div class="frame ${this.tool === 'view' ? 'pan' : 'paint'}" id="overlay-frame"
            tabindex=${this.ready ? '0' : '-1'} aria-describedby="overlay-keys"
            @keydown=${this.onKeyDown} @keyup=${this.onKeyUp} @focus=${this.onFocus} @blur=${this.onBlur}
            @pointerdown=${this.onPointerDown} @pointermove=${this.onPointerMove}
            @pointerup=${this.onPointerUp} @pointercancel=${this.onPointerUp}
            @pointerleave=${() => (this.probe = '')} @wheel=${this.onWheel}>
            <canvas id="overlay-canvas" part="canvas" role="img"
              aria-label="Overlay of the predicted polyp${name}"></canvas>
            ${this.ready ? '' : html`<div class="status">${this.failed || 'Loading overlay…'}</div>`}
          </div>
        </figure>
        ${all
          ? html`<figure style="grid-area: original">
                <figcaption>Original</figcaption>
                <div class="frame pan" @pointerdown=${this.onPointerDown} @pointermove=${this.onPointerMove}
                  @pointerup=${this.onPointerUp} @pointercancel=${this.onPointerUp}
                  @pointerleave=${() => (this.probe = '')} @wheel=${this.onWheel}>
                  <canvas id="original-canvas" role="img" aria-label="Original image${name}"></canvas>
                </div>
              </figure>
              <figure style="grid-area: heat">
                <figcaption>Probability heat map</figcaption>
                <div class="frame pan" @pointerdown=${this.onPointerDown} @pointermove=${this.onPointerMove}
                  @pointerup=${this.onPointerUp} @pointercancel=${this.onPointerUp}
                  @pointerleave=${() => (this.probe = '')} @wheel=${this.onWheel}>
                  <canvas id="heat-canvas" role="img" aria-label="Probability heat map${name}"></canvas>
                </div>
                <div class="colour-bar" aria-hidden="true"><span>0</span><span>probability</span><span>1</span></div>
              </figure>`
          : nothing}
        <div class="below" style="grid-area: controls">
        <div class="controls">
        <div class="slider-row">
          <label for="slider">Threshold</label>
          <input id="slider" type="range" min="0" max="1" step="0.01"
            aria-valuetext=${this.threshold.toFixed(2)}
            .value=${String(this.threshold)} ?disabled=${!this.ready}
            @input=${this.onInput} @change=${this.onChange} />
          <input id="threshold-number" type="number" min="0" max="1" step="0.01"
            aria-label="Threshold value" .value=${this.threshold.toFixed(2)} ?disabled=${!this.ready}
            @change=${this.onNumber} />
          <button id="threshold-reset" @click=${() => this.setAndSettle(0.5)}
            ?disabled=${!this.ready || this.threshold === 0.5}>Reset to 0.50</button>
        </div>
        <span class="probe" id="probe">${this.probe}</span>
      </div>
      <div class="legend">${this.legend(truth)}</div>
        </div>
      </div>
      ${this.diceChart()}
      <div class=${this.keyFocus ? 'keys' : 'sr-only'} id="overlay-keys">${this.editable ? KEYS : KEYS_VIEW}</div>
      <div class="sr-only" role="status" aria-live="polite">${this.announced}</div>
    `;
  }

  /**
   * Fill, contour, truth, compare and opacity. On a phone-wide view they fold under a "Layers"
   * button placed beside the zoom, so the toolbar keeps to three rows; wider, they are always open.
   */
  private layers(truth: boolean) {
    return html`
        <details class="layers" ?open=${!this.narrow || this.layersOpen}
          @toggle=${(e: Event) => this.narrow && (this.layersOpen = (e.target as HTMLDetailsElement).open)}>
        <summary id="layers-toggle">Layers</summary>
        <div class="group" role="group" aria-label="Layers">
          <label class="check"><input id="layer-fill" type="checkbox" .checked=${this.showFill}
            @change=${(e: Event) => this.setLayer('showFill', e)} />Fill</label>
          <label class="check"><input id="layer-contour" type="checkbox" .checked=${this.showContour}
            @change=${(e: Event) => this.setLayer('showContour', e)} />Contour</label>
          ${truth
            ? html`<label class="check"><input id="layer-truth" type="checkbox" .checked=${this.showTruth}
                  @change=${(e: Event) => this.setLayer('showTruth', e)} />Truth</label>
                <label class="check"><input id="layer-compare" type="checkbox" .checked=${this.compare}
                  @change=${(e: Event) => this.setLayer('compare', e)} />Compare with truth</label>`
            : nothing}
          <label class="check">Opacity
            <input id="opacity" type="range" min="0.1" max="1" step="0.05" style="height:auto;min-width:5em"
              .value=${String(this.opacity)} @input=${(e: Event) => this.setOpacity(e)} />
          </label>
        </div>
        </details>
    `;
  }

  /** Dice against the threshold with the best marked; a click there sets the threshold. */
  private diceChart() {
    const curve = this.diceCurve ? this.diceCurve.split(',').map(Number) : [];
    if (curve.length !== 101) return nothing;
    let best = 0;
    curve.forEach((d, k) => (best = d > curve[best] ? k : best));
    const now = Math.round(this.threshold * 100);
    const x = (k: number) => 30 + (k / 100) * 380;
    const y = (d: number) => 10 + (1 - d) * 80;
    const line = curve.map((d, k) => `${x(k).toFixed(1)},${y(d).toFixed(1)}`).join(' ');
    const summary = `Best threshold ${(best / 100).toFixed(2)}: Dice ${curve[best].toFixed(3)}; at ${this.threshold.toFixed(2)}: ${curve[now].toFixed(3)}`;
    return html`<figure class="curve">
      <figcaption>Dice against threshold, this image (the model's mask, before hand corrections)</figcaption>
      <svg id="dice-curve" viewBox="0 0 420 112" role="img" aria-label=${summary} @click=${this.onCurveClick}>
        <line x1="30" y1="90" x2="410" y2="90" class="axis"></line>
        <line x1="30" y1="10" x2="30" y2="90" class="axis"></line>
        <text x="26" y="14" text-anchor="end">1</text><text x="26" y="93" text-anchor="end">0</text>
        <text x="30" y="106" text-anchor="middle">0</text><text x="220" y="106" text-anchor="middle">threshold</text>
        <text x="410" y="106" text-anchor="middle">1</text>
        <polyline points=${line} class="dice"></polyline>
        <line x1=${x(now)} y1="10" x2=${x(now)} y2="90" class="now"></line>
        <circle cx=${x(best)} cy=${y(curve[best])} r="4" class="best"></circle>
      </svg>
      <div class="curve-summary">${summary}
        <button id="use-best" @click=${() => this.setAndSettle(best / 100)} ?disabled=${best === now}>
          Use ${(best / 100).toFixed(2)}</button></div>
    </figure>`;
  }

  private onCurveClick(e: MouseEvent) {
    const r = (e.currentTarget as SVGElement).getBoundingClientRect();
    const k = Math.round(((e.clientX - r.left) / r.width * 420 - 30) / 380 * 100);
    if (k >= 0 && k <= 100) this.setAndSettle(k / 100);
  }

  private toolButton(tool: 'view' | 'brush' | 'eraser' | 'polygon', text: string, title: string) {
    return html`<button id=${'tool-' + tool} title=${title} aria-pressed=${String(this.tool === tool)}
      @click=${() => this.useTool(tool)}>${text}</button>`;
  }

  private useTool(tool: 'view' | 'brush' | 'eraser' | 'polygon') {
    this.tool = tool;
    if (tool !== 'polygon' && this.polygon.length > 0) {
      this.polygon = [];
      this.redraw(this.threshold);
    }
  }

  private legend(truth: boolean) {
    const swatch = (background: string) => html`<span class="swatch" style="background:${background}"></span>`;
    if (truth && this.compare) {
      return html`
        <span>${swatch(rgb(TP))}Found (true positive)</span>
        <span>${swatch(`repeating-linear-gradient(45deg, ${rgb(FP)} 0 3px, transparent 3px 6px)`)}Extra (false positive)</span>
        <span>${swatch(`repeating-linear-gradient(-45deg, ${rgb(FN)} 0 3px, #555 3px 6px)`)}Missed (false negative)</span>`;
    }
    return html`
      <span>${swatch(rgb(TINT))}Predicted polyp</span>
      <span><span class="swatch" style="background:${rgb(TINT)};box-shadow:inset 0 0 0 2px #fff"></span>Its contour (white)</span>
      ${truth ? html`<span>${swatch(`repeating-linear-gradient(90deg, ${rgb(TRUTH)} 0 4px, #000 4px 8px)`)}Ground truth (dashed)</span>` : nothing}
      ${this.correctedPixels > 0 ? html`<span id="corrected-note">Corrected by hand: ${this.correctedPixels.toLocaleString('en')} px</span>` : nothing}`;
  }

  protected updated(changed: Map<string, unknown>) {
    if (changed.has('imageSrc') || changed.has('probabilitySrc') || changed.has('truthSrc') || changed.has('heatSrc')) {
      this.load();
    } else if (changed.has('editsText') && this.edits && this.editsText !== this.edits.toText()) {
      this.edits.setText(this.editsText);
      this.afterEditsChanged(false);
    } else if (changed.has('threshold') && this.threshold !== this.drawnThreshold) {
      this.redraw(this.threshold);
    }
  }

  connectedCallback() {
    super.connectedCallback();
    this.updateComplete.then(() => this.resizeObserver.observe(this.views));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    window.clearTimeout(this.settleTimer);
    window.clearTimeout(this.announceTimer);
    window.clearTimeout(this.editsTimer);
  }

  // ---- threshold ----

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

  private onNumber(e: Event) {
    const input = e.target as HTMLInputElement;
    const value = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(value)) {
      input.value = this.threshold.toFixed(2);
      return;
    }
    this.setAndSettle(Math.round(clamp(value, 0, 1) * 100) / 100);
  }

  private setAndSettle(value: number) {
    window.clearTimeout(this.settleTimer);
    this.redraw(value);
    this.threshold = value;
    this.settle(value);
  }

  private settle(value: number) {
    // Announced once the value rests, not at every step of the slider.
    window.clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(() => (this.announced = `Threshold ${value.toFixed(2)}`), 600);
    if (value === this.lastSent) {
      return;
    }
    this.lastSent = value;
    this.dispatchEvent(new CustomEvent('threshold-changed', { detail: { value } }));
  }

  // ---- layers ----

  private setLayer(layer: 'showFill' | 'showContour' | 'showTruth' | 'compare', e: Event) {
    this[layer] = (e.target as HTMLInputElement).checked;
    this.redraw(this.threshold);
  }

  private setOpacity(e: Event) {
    this.opacity = Number((e.target as HTMLInputElement).value);
    this.redraw(this.threshold);
  }

  // ---- zoom, pan, full screen ----

  private zoomBy(factor: number, atX?: number, atY?: number) {
    const next = clamp(this.zoom * factor, 1, 16);
    if (next === this.zoom) return;
    if (atX !== undefined && atY !== undefined) {
      // Keep the image point under the pointer where it is.
      const ratio = this.zoom / next;
      this.centreX = atX + (this.centreX - atX) * ratio;
      this.centreY = atY + (this.centreY - atY) * ratio;
    }
    this.zoom = next;
    this.resample();
  }

  private fit() {
    this.zoom = 1;
    this.centreX = this.width / 2;
    this.centreY = this.height / 2;
    this.resample();
  }

  private fullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else {
      this.views.requestFullscreen?.();
    }
  }

  /** The part of the image the canvases show: x, y, width, height in image pixels. */
  private visible() {
    const w = this.width / this.zoom;
    const h = this.height / this.zoom;
    this.centreX = clamp(this.centreX, w / 2, this.width - w / 2);
    this.centreY = clamp(this.centreY, h / 2, this.height - h / 2);
    return { x: this.centreX - w / 2, y: this.centreY - h / 2, w, h };
  }

  /** Image coordinates under a pointer event on any of the views. */
  private imagePoint(e: PointerEvent | WheelEvent) {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const v = this.visible();
    return {
      x: v.x + ((e.clientX - rect.left) / rect.width) * v.w,
      y: v.y + ((e.clientY - rect.top) / rect.height) * v.h,
      scale: v.w / rect.width, // image pixels per CSS pixel
    };
  }

  private onWheel(e: WheelEvent) {
    if (!this.ready) return;
    e.preventDefault();
    const p = this.imagePoint(e);
    this.zoomBy(e.deltaY < 0 ? 1.25 : 1 / 1.25, p.x, p.y);
  }

  private onPointerDown(e: PointerEvent) {
    if (!this.ready) return;
    const target = e.currentTarget as HTMLElement;
    try {
      target.setPointerCapture(e.pointerId);
    } catch {
      // a synthetic event's pointer cannot be captured; the stroke still works inside the view
    }
    const onOverlay = target.querySelector('#overlay-canvas') !== null;
    if (this.tool === 'polygon' && onOverlay && this.edits) {
      this.addPolygonPoint(this.imagePoint(e), e.detail >= 2);
    } else if (this.tool !== 'view' && onOverlay && this.edits) {
      this.painting = true;
      this.lastDab = null;
      this.edits.beginStroke();
      this.paintAt(this.imagePoint(e));
    } else {
      this.drag = { x: e.clientX, y: e.clientY, cx: this.centreX, cy: this.centreY };
    }
  }

  private onPointerMove(e: PointerEvent) {
    if (!this.ready) return;
    const p = this.imagePoint(e);
    this.showProbe(p.x, p.y);
    if (this.painting) {
      this.paintAt(p);
    } else if (this.drag && this.zoom > 1) {
      const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
      const v = this.visible();
      this.centreX = this.drag.cx - ((e.clientX - this.drag.x) / rect.width) * v.w;
      this.centreY = this.drag.cy - ((e.clientY - this.drag.y) / rect.height) * v.h;
      this.resample();
    }
  }

  private onPointerUp() {
    this.drag = null;
    if (this.painting && this.edits) {
      this.painting = false;
      if (this.edits.endStroke()) {
        this.afterEditsChanged(true);
      }
    }
  }

  private showProbe(x: number, y: number) {
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    if (!this.probability || ix < 0 || iy < 0 || ix >= this.width || iy >= this.height) {
      this.probe = '';
      return;
    }
    const p = this.probability[iy * this.width + ix] / 255;
    this.probe = `x ${ix}, y ${iy}: probability ${p.toFixed(2)}`;
  }

  // ---- the keyboard ----

  private onFocus(e: FocusEvent) {
    // The ring and the list of keys are for keyboard users: a click that focuses the view shows
    // neither (until a key is pressed).
    this.keyFocus = (e.target as HTMLElement).matches(':focus-visible');
    if (!this.keyCursor && this.ready) {
      const v = this.visible();
      this.keyCursor = { x: v.x + v.w / 2, y: v.y + v.h / 2 };
    }
    this.redraw(this.threshold);
  }

  private onBlur() {
    this.keyFocus = false;
    this.endKeyStroke();
    this.probe = '';
    this.redraw(this.threshold);
  }

  private onKeyDown(e: KeyboardEvent) {
    if (!this.ready || e.altKey || e.metaKey) return;
    if (!this.keyFocus && e.key !== 'Tab') {
      this.keyFocus = true;
      this.redraw(this.threshold);
    }
    const key = e.key;
    const control = e.ctrlKey;
    if (control && (key === 'z' || key === 'Z')) {
      if (e.shiftKey) this.redo();
      else this.undo();
    } else if (control && (key === 'y' || key === 'Y')) {
      this.redo();
    } else if (control) {
      return;
    } else if (key.startsWith('Arrow')) {
      this.moveByKey(key, e.shiftKey);
    } else if (key === '+' || key === '=') {
      this.zoomAtCursor(1.5);
    } else if (key === '-' || key === '_') {
      this.zoomAtCursor(1 / 1.5);
    } else if (key === '0') {
      this.fit();
    } else if (this.editable && (key === 'b' || key === 'B')) {
      this.useTool('brush');
      this.announced = 'Brush: Space paints polyp';
    } else if (this.editable && (key === 'e' || key === 'E')) {
      this.useTool('eraser');
      this.announced = 'Eraser: Space erases polyp';
    } else if (this.editable && (key === 'p' || key === 'P')) {
      this.useTool('polygon');
      this.announced = 'Polygon: Enter adds a point, Enter on the first point fills it';
    } else if (this.tool === 'polygon' && key === 'Escape' && this.polygon.length > 0) {
      this.polygon = [];
      this.announced = 'Polygon cancelled';
      this.redraw(this.threshold);
    } else if (this.tool === 'polygon' && key === 'Backspace' && this.polygon.length > 0) {
      this.polygon = this.polygon.slice(0, -1);
      this.redraw(this.threshold);
    } else if (this.tool === 'polygon' && (key === 'Enter' || key === ' ')) {
      if (this.keyCursor && this.edits) this.addPolygonPoint(this.keyPoint(), false);
    } else if (this.editable && (key === 'm' || key === 'M')) {
      this.useTool('view');
      this.announced = 'Move: arrows pan';
    } else if (key === '[' || key === ']') {
      this.brushSize = clamp(this.brushSize + (key === ']' ? 4 : -4), 2, 200);
      this.redraw(this.threshold);
    } else if (key === ' ' || key === 'Enter') {
      // In Move, Space does nothing here, and must not scroll the page either.
      if (this.tool !== 'view' && this.edits && this.keyCursor && !this.keyPainting) {
        this.keyPainting = true;
        this.lastDab = null;
        this.edits.beginStroke();
        this.paintAt(this.keyPoint());
      }
      if (key === 'Enter') this.endKeyStroke(); // one dab
    } else {
      return;
    }
    e.preventDefault(); // the page must not scroll under the view
    e.stopPropagation();
  }

  private onKeyUp(e: KeyboardEvent) {
    if (e.key === ' ') this.endKeyStroke();
  }

  private endKeyStroke() {
    if (this.keyPainting && this.edits) {
      this.keyPainting = false;
      if (this.edits.endStroke()) this.afterEditsChanged(true);
    }
  }

  /** The keyboard's cursor as paintAt takes a point: brush sizes are in screen pixels. */
  private keyPoint() {
    const v = this.visible();
    const cssWidth = this.canvas.getBoundingClientRect().width || this.dw || 1;
    return { x: this.keyCursor!.x, y: this.keyCursor!.y, scale: v.w / cssWidth };
  }

  /**
   * In Move, the arrows pan by a tenth of the view; with the brush or eraser they move the cursor
   * by half a brush (Shift: four times as far), and the view follows it when it leaves.
   */
  private moveByKey(key: string, far: boolean) {
    const dx = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
    const dy = key === 'ArrowUp' ? -1 : key === 'ArrowDown' ? 1 : 0;
    const v = this.visible();
    if (this.tool === 'view' || !this.keyCursor) {
      this.centreX += dx * v.w * (far ? 0.4 : 0.1);
      this.centreY += dy * v.h * (far ? 0.4 : 0.1);
      this.resample();
      return;
    }
    const step = (this.brushSize / 2) * this.keyPoint().scale * (far ? 4 : 1);
    const c = this.keyCursor;
    c.x = clamp(c.x + dx * step, 0, this.width - 1);
    c.y = clamp(c.y + dy * step, 0, this.height - 1);
    this.showProbe(c.x, c.y);
    if (c.x < v.x || c.x > v.x + v.w || c.y < v.y || c.y > v.y + v.h) {
      this.centreX = c.x;
      this.centreY = c.y;
      this.resample();
    }
    if (this.keyPainting) this.paintAt(this.keyPoint());
    else this.redraw(this.threshold);
  }

  private zoomAtCursor(factor: number) {
    const c = this.keyCursor;
    if (c && this.tool !== 'view') this.zoomBy(factor, c.x, c.y);
    else this.zoomBy(factor);
  }

  /**
   * Adds a point to the polygon; closes and fills it on a double-click or on a point within 8
   * screen pixels of the first (with three points or more).
   */
  private addPolygonPoint(p: { x: number; y: number; scale: number }, close: boolean) {
    const pts = this.polygon;
    const first = pts[0];
    const nearFirst = first !== undefined && Math.hypot(p.x - first.x, p.y - first.y) <= 8 * p.scale;
    if (pts.length >= 3 && (close || nearFirst)) {
      this.polygon = [];
      if (this.edits!.fillPolygon(pts, 1)) {
        this.announced = 'Polygon filled as polyp';
        this.afterEditsChanged(true);
      } else {
        this.redraw(this.threshold);
      }
      return;
    }
    const last = pts[pts.length - 1];
    if (last === undefined || Math.hypot(p.x - last.x, p.y - last.y) > p.scale) {
      this.polygon = [...pts, { x: p.x, y: p.y }];
    }
    this.redraw(this.threshold);
  }

  /** The polygon being drawn: its points joined, white over black, the first point ringed. */
  private drawPolygon() {
    if (this.tool !== 'polygon' || this.polygon.length === 0) return;
    const v = this.visible();
    const g = this.canvas.getContext('2d')!;
    const at = (q: { x: number; y: number }) => [((q.x - v.x) / v.w) * this.dw, ((q.y - v.y) / v.h) * this.dh];
    g.beginPath();
    this.polygon.forEach((q, k) => {
      const [x, y] = at(q);
      if (k === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    });
    for (const [width, colour] of [[3, '#000'], [1.5, '#fff']] as [number, string][]) {
      g.lineWidth = width;
      g.strokeStyle = colour;
      g.stroke();
    }
    const [fx, fy] = at(this.polygon[0]);
    g.beginPath();
    g.arc(fx, fy, 6, 0, 2 * Math.PI);
    g.stroke();
  }

  /** The brush's ring at the keyboard's cursor, white over black to show on any tissue. */
  private drawKeyCursor() {
    const c = this.keyCursor;
    if (!c || this.tool === 'view' || !this.keyFocus) return;
    const v = this.visible();
    const x = ((c.x - v.x) / v.w) * this.dw;
    const y = ((c.y - v.y) / v.h) * this.dh;
    const p = this.keyPoint();
    const r = Math.max(2, (((this.brushSize / 2) * p.scale) / v.w) * this.dw);
    const g = this.canvas.getContext('2d')!;
    g.beginPath();
    g.arc(x, y, r, 0, 2 * Math.PI);
    g.lineWidth = 3;
    g.strokeStyle = '#000';
    g.stroke();
    g.lineWidth = 1.5;
    g.strokeStyle = this.tool === 'brush' ? '#fff' : rgb(FP);
    g.stroke();
  }

  // ---- correcting the mask ----

  private paintAt(p: { x: number; y: number; scale: number }) {
    this.keyCursor = { x: p.x, y: p.y }; // the keyboard goes on from where the pointer painted
    const radius = Math.max(0.5, (this.brushSize / 2) * p.scale);
    const value = this.tool === 'brush' ? 1 : 2;
    // Dabs every half radius from the last one: a fast stroke is a line, not a row of dots.
    const from = this.lastDab ?? p;
    const steps = Math.max(1, Math.ceil(Math.hypot(p.x - from.x, p.y - from.y) / (radius / 2)));
    let changed = false;
    for (let k = 1; k <= steps; k++) {
      const t = k / steps;
      changed = this.edits!.dab(from.x + (p.x - from.x) * t, from.y + (p.y - from.y) * t, radius, value) || changed;
    }
    this.lastDab = { x: p.x, y: p.y };
    if (changed) {
      this.resampleEdits();
      this.redraw(this.threshold);
    }
  }

  private undo() {
    if (this.edits?.undo()) this.afterEditsChanged(true);
  }

  private redo() {
    if (this.edits?.redo()) this.afterEditsChanged(true);
  }

  private clearEdits() {
    if (this.edits?.clearAll()) this.afterEditsChanged(true);
  }

  private afterEditsChanged(tellServer: boolean) {
    const edits = this.edits!;
    this.canUndo = edits.canUndo();
    this.canRedo = edits.canRedo();
    this.correctedPixels = edits.count();
    this.resampleEdits();
    this.redraw(this.threshold);
    if (tellServer) {
      window.clearTimeout(this.editsTimer);
      this.editsTimer = window.setTimeout(() => {
        const text = edits.toText();
        this.editsText = text;
        this.dispatchEvent(new CustomEvent('edits-changed', { detail: { edits: text } }));
      }, 150);
    }
  }

  // ---- loading and drawing ----

  private async load() {
    const token = ++this.loadToken;
    this.ready = false;
    this.failed = '';
    this.drawnAt = 0;
    if (!this.imageSrc || !this.probabilitySrc) {
      return;
    }
    try {
      const [image, probability, truth, heat] = await Promise.all([
        bitmap(this.imageSrc),
        bitmap(this.probabilitySrc),
        this.truthSrc ? bitmap(this.truthSrc) : Promise.resolve(null),
        this.heatSrc ? bitmap(this.heatSrc) : Promise.resolve(null),
      ]);
      if (token !== this.loadToken) {
        return; // newer images arrived while these loaded
      }
      if (probability.width !== image.width || probability.height !== image.height) {
        throw new Error('the probability map and the image differ in size');
      }
      const sizeChanged = image.width !== this.width || image.height !== this.height;
      this.width = image.width;
      this.height = image.height;
      this.originalBitmap?.close();
      this.heatBitmap?.close();
      this.originalBitmap = image;
      this.heatBitmap = heat;
      this.probability = greyValues(probability);
      this.truth = truth ? greyValues(truth) : null;
      if (!this.edits || sizeChanged) {
        this.edits = new MaskEdits(this.width, this.height);
      }
      if (this.editsText) this.edits.setText(this.editsText);
      else this.edits.clearQuietly();
      this.canUndo = this.edits.canUndo();
      this.canRedo = this.edits.canRedo();
      this.correctedPixels = this.edits.count();
      if (sizeChanged) {
        this.keyCursor = null; // placed again, at the view's centre, when the view has focus
        this.zoom = 1;
        this.centreX = this.width / 2;
        this.centreY = this.height / 2;
      }
      this.ready = true;
      await this.updateComplete;
      this.resample();
      this.drawnAt = performance.now();
      this.dispatchEvent(new CustomEvent('overlay-drawn'));
    } catch (e) {
      if (token === this.loadToken) {
        this.failed = 'The overlay could not be drawn: ' + (e instanceof Error ? e.message : String(e));
      }
    }
  }

  /** Remakes the display-resolution samples for the current view and canvas size, and draws. */
  private resample() {
    if (!this.originalBitmap || !this.probability || !this.canvas) return;
    const cssWidth = this.canvas.getBoundingClientRect().width || this.canvas.parentElement!.clientWidth;
    if (cssWidth === 0) return;
    const v = this.visible();
    const ratio = window.devicePixelRatio || 1;
    // Never more pixels than the image has in view: a small image is drawn at its own size.
    const dw = Math.max(1, Math.min(Math.round(cssWidth * ratio), Math.round(v.w)));
    const dh = Math.max(1, Math.round((dw * v.h) / v.w));
    this.canvas.style.aspectRatio = `${this.width} / ${this.height}`;
    for (const c of [this.canvas, this.originalCanvas, this.heatCanvas]) {
      if (c) {
        c.width = dw;
        c.height = dh;
        c.style.aspectRatio = `${this.width} / ${this.height}`;
      }
    }
    this.dw = dw;
    this.dh = dh;
    this.sourceX = new Int32Array(dw);
    this.sourceY = new Int32Array(dh);
    for (let x = 0; x < dw; x++) this.sourceX[x] = Math.min(this.width - 1, Math.floor(v.x + ((x + 0.5) * v.w) / dw));
    for (let y = 0; y < dh; y++) this.sourceY[y] = Math.min(this.height - 1, Math.floor(v.y + ((y + 0.5) * v.h) / dh));
    const n = dw * dh;
    this.sampledProbability = this.sample(this.probability, n);
    this.sampledTruth = this.truth ? this.sample(this.truth, n) : new Uint8Array(0);
    this.resampleEdits();
    this.mask = new Uint8Array(n);
    // The original at this view, smoothed by the browser, as the overlay's base.
    const context = this.canvas.getContext('2d', { willReadFrequently: true })!;
    context.imageSmoothingQuality = 'high';
    context.drawImage(this.originalBitmap, v.x, v.y, v.w, v.h, 0, 0, dw, dh);
    this.base = context.getImageData(0, 0, dw, dh).data;
    this.output = new ImageData(dw, dh);
    for (const [c, source] of [[this.originalCanvas, this.originalBitmap], [this.heatCanvas, this.heatBitmap]] as const) {
      if (c && source) {
        const g = c.getContext('2d')!;
        g.imageSmoothingQuality = 'high';
        g.drawImage(source, v.x, v.y, v.w, v.h, 0, 0, dw, dh);
      }
    }
    this.redraw(this.threshold);
  }

  private sample(values: Uint8Array, n: number) {
    const out = new Uint8Array(n);
    const w = this.width;
    let i = 0;
    for (let y = 0; y < this.dh; y++) {
      const row = this.sourceY[y] * w;
      for (let x = 0; x < this.dw; x++) out[i++] = values[row + this.sourceX[x]];
    }
    return out;
  }

  private resampleEdits() {
    if (this.edits && this.dw > 0) {
      this.sampledEdits = this.edits.count() > 0 ? this.sample(this.edits.values, this.dw * this.dh) : new Uint8Array(0);
    }
  }

  /** Thresholds the map at `value` and draws the overlay; synchronous, timed in lastRedrawMs. */
  private redraw(value: number) {
    if (!this.base || !this.output || this.dw === 0) {
      return;
    }
    const start = performance.now();
    const w = this.dw;
    const h = this.dh;
    const line = Math.max(1, Math.round(Math.min(w, h) / 256));
    const prob = this.sampledProbability;
    const edits = this.sampledEdits;
    const mask = this.mask;
    const cut = value * 255;
    for (let i = 0; i < mask.length; i++) {
      const e = edits.length ? edits[i] : 0;
      mask[i] = e === 1 ? 1 : e === 2 ? 0 : prob[i] >= cut ? 1 : 0;
    }
    const out = this.output.data;
    out.set(this.base);
    const a = this.opacity;
    const truth = this.truth && this.sampledTruth.length ? this.sampledTruth : null;
    const compare = this.compare && truth !== null;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        const o = i * 4;
        const polyp = mask[i] === 1;
        if (compare) {
          const real = truth![i] > 128;
          if (polyp && real) {
            if (this.showFill) tint(out, o, TP, a);
          } else if (polyp) {
            tint(out, o, FP, (x + y) % 6 < 3 ? Math.min(1, a + 0.35) : a * 0.5);
          } else if (real) {
            tint(out, o, FN, (x - y + 6000) % 6 < 3 ? Math.min(1, a + 0.35) : a * 0.5);
          }
          if (polyp && this.showContour && isEdge(mask, x, y, w, h, line)) paint(out, o, CONTOUR);
          continue;
        }
        if (!polyp) continue;
        if (this.showContour && isEdge(mask, x, y, w, h, line)) {
          paint(out, o, CONTOUR);
        } else if (this.showFill) {
          tint(out, o, TINT, a);
        }
      }
    }
    if (truth && this.showTruth && !compare) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const i = y * w + x;
          if (truth[i] > 128 && isTruthEdge(truth, x, y, w, h, line)) {
            paint(out, i * 4, dash(x, y, line) ? TRUTH : DASH_GAP);
          }
        }
      }
    }
    this.canvas.getContext('2d')!.putImageData(this.output, 0, 0);
    this.drawPolygon();
    this.drawKeyCursor();
    this.drawnThreshold = value;
    this.lastRedrawMs = performance.now() - start;
    this.redraws++;
  }
}

// Okabe-Ito colours, told apart by red-green colour-blind eyes; the server uses the same.
const TINT = 0x0072b2;
const CONTOUR = 0xffffff;
const TRUTH = 0xf0e442;
const DASH_GAP = 0x000000;
const TP = 0x0072b2;
const FP = 0xd55e00;
const FN = 0xf0e442;

/** Four corner brackets: drawn, not a font glyph (phones' fonts lack ⛶). */
const FULL_SCREEN_ICON = html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"
  style="vertical-align:-0.15em"><path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none"
  stroke="currentColor" stroke-width="2"/></svg>`;

/** What the focused overlay's keys do, read out by screen readers with the view's name. */
const KEYS_VIEW = 'Keys: arrows pan (Shift: further), + and − zoom, 0 fits the image.';
const KEYS = 'Keys: B brush, E eraser, P polygon (Enter adds a point, Enter on the first fills it, '
  + 'Backspace removes the last, Escape cancels), M move; arrows move the brush (Shift: further) or, in Move, '
  + 'pan; hold Space to paint while moving, Enter paints one spot; [ and ] change the brush size; '
  + '+ and − zoom, 0 fits; Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes.';

function rgb(c: number) {
  return '#' + c.toString(16).padStart(6, '0');
}

function tint(out: Uint8ClampedArray, o: number, colour: number, alpha: number) {
  // A clamped array rounds to the nearest integer, as the server's Math.round does.
  out[o] = out[o] * (1 - alpha) + ((colour >> 16) & 255) * alpha;
  out[o + 1] = out[o + 1] * (1 - alpha) + ((colour >> 8) & 255) * alpha;
  out[o + 2] = out[o + 2] * (1 - alpha) + (colour & 255) * alpha;
}

function paint(out: Uint8ClampedArray, o: number, colour: number) {
  out[o] = (colour >> 16) & 255;
  out[o + 1] = (colour >> 8) & 255;
  out[o + 2] = colour & 255;
}

/** Dashes along an outline: on and off every 4 line widths (the server's rule too). */
function dash(x: number, y: number, line: number) {
  return Math.floor((x + y) / (4 * line)) % 2 === 0;
}

function clamp(v: number, lo: number, hi: number) {
  return Math.max(lo, Math.min(hi, v));
}

function isEdge(mask: Uint8Array, x: number, y: number, w: number, h: number, line: number) {
  const i = y * w + x;
  for (let d = 1; d <= line; d++) {
    if (x - d < 0 || x + d >= w || y - d < 0 || y + d >= h) return true;
    if (!mask[i - d] || !mask[i + d] || !mask[i - d * w] || !mask[i + d * w]) return true;
  }
  return false;
}

function isTruthEdge(truth: Uint8Array, x: number, y: number, w: number, h: number, line: number) {
  const i = y * w + x;
  for (let d = 1; d <= line; d++) {
    if (x - d < 0 || x + d >= w || y - d < 0 || y + d >= h) return true;
    if (truth[i - d] <= 128 || truth[i + d] <= 128 || truth[i - d * w] <= 128 || truth[i + d * w] <= 128) return true;
  }
  return false;
}

/** The red channel of a grey bitmap's exact pixels (grey images have R = G = B). */
function greyValues(image: ImageBitmap) {
  const { width, height } = image;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(image, 0, 0);
  const rgba = context.getImageData(0, 0, width, height).data;
  image.close();
  const n = width * height;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rgba[i * 4];
  return out;
}

/** Fetches an image as a bitmap of its exact pixel values (no colour management). */
async function bitmap(url: string): Promise<ImageBitmap> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return createImageBitmap(await response.blob(), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'threshold-overlay': ThresholdOverlay;
  }
}
