import { defineElement } from '../../internal/define.js';
import { SpeakerCaption } from './speaker-caption.js';

export { SpeakerCaption };

defineElement('speaker-caption', SpeakerCaption);

declare global {
  interface HTMLElementTagNameMap {
    'speaker-caption': SpeakerCaption;
  }
}
