import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * Signs an unattended page out: after `timeoutSeconds` without a key press, click, touch, wheel
 * or pointer movement it asks the server to sign out; `warningSeconds` before that it shows a
 * warning with a countdown and a "Stay signed in" button.
 *
 * Work on the page that never reaches the server (the threshold slider redraws in the browser)
 * still counts: while the user is active the component tells the server so, at most every
 * `pingSeconds`, so the server's own idle check (IdleSignOutFilter) agrees with what the user sees.
 */
@customElement('idle-guard')
export class IdleGuard extends LitElement {
  @property({ type: Number, attribute: 'timeout-seconds' }) timeoutSeconds = 900;
  @property({ type: Number, attribute: 'warning-seconds' }) warningSeconds = 60;
  @property({ type: Number, attribute: 'ping-seconds' }) pingSeconds = 30;

  @state() private warning = false;
  @state() private secondsLeft = 0;

  private lastActivity = Date.now();
  private lastPing = Date.now();
  private timer: number | undefined;
  private signedOut = false;
  private readonly onActivity = () => this.activity();

  static styles = css`
    :host {
      display: contents;
    }
    .backdrop {
      position: fixed;
      inset: 0;
      background: rgba(0, 0, 0, 0.45);
      display: flex;
      align-items: center;
      justify-content: center;
      z-index: 10000;
    }
    .box {
      background: var(--lumo-base-color, #fff);
      color: var(--lumo-body-text-color, #1a1a1a);
      border-radius: var(--lumo-border-radius-l, 12px);
      box-shadow: var(--lumo-box-shadow-l, 0 8px 24px rgba(0, 0, 0, 0.3));
      padding: 1.5rem 1.75rem;
      max-width: min(28rem, calc(100vw - 2rem));
      font-family: var(--lumo-font-family, system-ui, sans-serif);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: var(--lumo-font-size-xl, 1.375rem);
    }
    p {
      margin: 0 0 1.25rem;
      line-height: 1.5;
    }
    button {
      font: inherit;
      font-weight: 600;
      min-height: 44px;
      padding: 0 1.25rem;
      border: none;
      border-radius: var(--lumo-border-radius-m, 6px);
      background: var(--lumo-primary-color, #1676f3);
      color: var(--lumo-primary-contrast-color, #fff);
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--lumo-primary-color-50pct, #1676f380);
      outline-offset: 2px;
    }
  `;

  connectedCallback() {
    super.connectedCallback();
    for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input']) {
      window.addEventListener(type, this.onActivity, { passive: true, capture: true });
    }
    this.timer = window.setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback() {
    for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input']) {
      window.removeEventListener(type, this.onActivity, { capture: true });
    }
    window.clearInterval(this.timer);
    super.disconnectedCallback();
  }

  render() {
    if (!this.warning) {
      return html``;
    }
    return html`<div class="backdrop">
      <div class="box" role="alertdialog" aria-modal="true" aria-labelledby="idle-title"
          aria-describedby="idle-text">
        <h2 id="idle-title">Still there?</h2>
        <p id="idle-text">For the patients' privacy this page signs out after
          ${this.describe(this.timeoutSeconds)} without activity. Signing out in
          <strong>${this.secondsLeft} s</strong>; the images on it will be gone.</p>
        <button id="stay-signed-in" @click=${() => this.stay()}>Stay signed in</button>
      </div>
    </div>`;
  }

  /** Any activity: remembered, and told to the server now and then. */
  private activity() {
    if (this.warning || this.signedOut) {
      // Only the button ends the warning: a stray movement should not hide it unread.
      return;
    }
    this.lastActivity = Date.now();
    if (Date.now() - this.lastPing >= this.pingSeconds * 1000) {
      this.ping();
    }
  }

  private stay() {
    this.warning = false;
    this.lastActivity = Date.now();
    this.ping();
  }

  private ping() {
    this.lastPing = Date.now();
    (this as any).$server?.active();
  }

  private tick() {
    if (this.signedOut) {
      return;
    }
    const idle = (Date.now() - this.lastActivity) / 1000;
    const left = Math.ceil(this.timeoutSeconds - idle);
    if (left <= 0) {
      this.signedOut = true;
      this.warning = false;
      (this as any).$server?.expired();
      return;
    }
    if (left <= this.warningSeconds) {
      if (!this.warning) {
        this.warning = true;
        this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLButtonElement>('#stay-signed-in')?.focus());
      }
      this.secondsLeft = left;
    }
  }

  private describe(seconds: number) {
    return seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'idle-guard': IdleGuard;
  }
}
