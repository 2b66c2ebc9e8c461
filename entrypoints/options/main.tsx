import { render } from 'preact';
import '@/assets/ui.css';
import { localizeDocument } from '@/lib/i18n/messages';
import { App } from './app';

localizeDocument(document);

render(<App />, document.getElementById('app')!);
