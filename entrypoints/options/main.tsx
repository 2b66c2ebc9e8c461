import { render } from 'preact';
import '@/assets/ui.css';
import { localizeDocument } from '@/lib/i18n/messages';
import { localizeValidation } from '@/lib/i18n/validation-locale';
import { App } from './app';

localizeDocument(document);
localizeValidation();

render(<App />, document.getElementById('app')!);
