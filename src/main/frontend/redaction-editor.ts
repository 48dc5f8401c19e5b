import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Redaction boxes drawn on an image: the rectangles that every exported and report picture shows
 * black (burned-in patient text of the endoscope).
 *
 * Drag on the image to draw a box; drag a box to move it; a selected box is deleted with its ×,
 * Delete or Backspace, and moved 1 px (10 with Shift) with the arrow keys. Boxes are kept in the
 * image's pixels and clamped to it. The server sets `boxes` ("x,y,w,h;x,y,w,h") and hears every
 * change as a `boxes-changed` event whose `detail.value` is the same text.
 */
@customElement('redaction-editor')
export class RedactionEditor extends LitElement {
  /** URL of the image, unredacted. */
  @property({ attribute: 'image-src' }) imageSrc = '';
  /** The image's width and height, pixels. */
  @property({ type: Number, attribute: 'image-width' }) imageWidth = 1;
  @property({ type: Number, attribute: 'image-height' }) imageHeight = 1;
  /** The boxes as "x,y,w,h;..." in image pixels. */
  @property() boxes = '';

  @state() private selected = -1;

  private drag: { mode: 'draw' | 'move'; index: number; startX: number; startY: number; box: Box } | null =
    null;

  static styles = css`
    :host {
      display: block;
      user-select: none;
    }
    .frame {
      position: relative;
      line-height: 0;
      touch-action: none;
      cursor: crosshair;
      background: #000;
    }
    img {
      width: 100%;
      height: auto;
      display: block;
      pointer-events: none;
    }
    .box {
      position: absolute;
      box-sizing: border-box;
      background: rgba(0, 0, 0, 0.78);
      outline: 2px dashed #ffd400;
      cursor: move;
    }
    .box[aria-selected='true'] {
      outline: 3px solid #4da3ff;
    }
    .box:focus-visible {
      outline: 3px solid #fff;
    }
    .delete {
      position: absolute;
      top: 2px;
      right: 2px;
      min-width: 28px;
      min-height: 28px;
      line-height: 1;
      font-size: 18px;
      border: none;
      border-radius: 4px;
      background: #c62828;
      color: #fff;
      cursor: pointer;
    }
  `;

  private parsed(): Box[] {
    return (this.boxes || '')
      .split(';')
      .map((part) => part.split(',').map((n) => parseInt(n.trim(), 10)))
      .filter((n) => n.length === 4 && n.every((v) => Number.isFinite(v)))
      .map(([x, y, w, h]) => ({ x, y, w, h }));
  }

  private commit(boxes: Box[]) {
    this.boxes = boxes.map((b) => `${b.x},${b.y},${b.w},${b.h}`).join(';');
    this.dispatchEvent(new CustomEvent('boxes-changed', { detail: { value: this.boxes } }));
  }

  /** The pointer's position in image pixels, clamped to the image. */
  private point(e: PointerEvent): [number, number] {
    const frame = this.renderRoot.querySelector('.frame') as HTMLElement;
    const r = frame.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * this.imageWidth;
    const y = ((e.clientY - r.top) / r.height) * this.imageHeight;
    return [
      Math.round(Math.max(0, Math.min(this.imageWidth, x))),
      Math.round(Math.max(0, Math.min(this.imageHeight, y))),
    ];
  }

  private clamp(b: Box): Box {
    const w = Math.max(1, Math.min(b.w, this.imageWidth));
    const h = Math.max(1, Math.min(b.h, this.imageHeight));
    return {
      x: Math.max(0, Math.min(b.x, this.imageWidth - w)),
      y: Math.max(0, Math.min(b.y, this.imageHeight - h)),
      w,
      h,
    };
  }

  private down(e: PointerEvent) {
    if ((e.target as HTMLElement).classList.contains('delete')) {
      return;
    }
    const [x, y] = this.point(e);
    const index = Number((e.target as HTMLElement).dataset.index ?? -1);
    const boxes = this.parsed();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    if (index >= 0) {
      this.selected = index;
      this.drag = { mode: 'move', index, startX: x, startY: y, box: { ...boxes[index] } };
    } else {
      this.selected = -1;
      this.drag = { mode: 'draw', index: boxes.length, startX: x, startY: y, box: { x, y, w: 0, h: 0 } };
    }
  }

  private move(e: PointerEvent) {
    if (!this.drag) {
      return;
    }
    const [x, y] = this.point(e);
    const boxes = this.parsed();
    const d = this.drag;
    let box: Box;
    if (d.mode === 'move') {
      box = this.clamp({ ...d.box, x: d.box.x + x - d.startX, y: d.box.y + y - d.startY });
    } else {
      box = { x: Math.min(x, d.startX), y: Math.min(y, d.startY), w: Math.abs(x - d.startX), h: Math.abs(y - d.startY) };
    }
    boxes[d.index] = box;
    // Drawn live without telling the server; it hears the box when the pointer is released.
    this.boxes = boxes
      .filter((b) => b.w > 0 && b.h > 0)
      .map((b) => `${b.x},${b.y},${b.w},${b.h}`)
      .join(';');
  }

  private up() {
    const d = this.drag;
    this.drag = null;
    if (!d) {
      return;
    }
    // A click without a drag draws nothing; a box needs a few pixels each way.
    const boxes = this.parsed().filter((b) => b.w >= 3 && b.h >= 3);
    if (d.mode === 'draw' && boxes.length > d.index) {
      this.selected = d.index;
    }
    this.commit(boxes);
  }

  private removeBox(index: number) {
    const boxes = this.parsed();
    boxes.splice(index, 1);
    this.selected = -1;
    this.commit(boxes);
  }

  private key(e: KeyboardEvent, index: number) {
    const boxes = this.parsed();
    const step = e.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.removeBox(index);
    } else if (moves[e.key]) {
      e.preventDefault();
      const [dx, dy] = moves[e.key];
      boxes[index] = this.clamp({ ...boxes[index], x: boxes[index].x + dx, y: boxes[index].y + dy });
      this.selected = index;
      this.commit(boxes);
    }
  }

  render() {
    const W = this.imageWidth || 1;
    const H = this.imageHeight || 1;
    return html`<div
      class="frame"
      @pointerdown=${this.down}
      @pointermove=${this.move}
      @pointerup=${this.up}
      @pointercancel=${this.up}
    >
      <img src=${this.imageSrc} alt="The image to redact" />
      ${this.parsed().map(
        (b, i) => html`<div
          class="box"
          data-index=${i}
          tabindex="0"
          role="button"
          aria-selected=${i === this.selected ? 'true' : 'false'}
          aria-label=${`Redaction box ${i + 1}: x ${b.x}, y ${b.y}, ${b.w} by ${b.h} px; arrow keys move it, Delete removes it`}
          style=${`left:${(b.x / W) * 100}%;top:${(b.y / H) * 100}%;width:${(b.w / W) * 100}%;height:${(b.h / H) * 100}%`}
          @focus=${() => (this.selected = i)}
          @keydown=${(e: KeyboardEvent) => this.key(e, i)}
        >
          ${i === this.selected
            ? html`<button class="delete" aria-label=${`Delete box ${i + 1}`} @click=${() => this.removeBox(i)}>×</button>`
            : ''}
        </div>`
      )}
    </div>`;
  }
}
