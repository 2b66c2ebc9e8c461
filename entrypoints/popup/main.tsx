import { render } from 'preact';
import '@/assets/ui.css';
import { App } from './app';

render(<App />, document.getElementById('app')!);
