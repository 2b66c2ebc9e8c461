import type { Ref } from 'preact';
import { t } from '@/lib/i18n/messages';

/** Props of SearchField. */
export interface Props {
  value: string;
  onInput: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The one search field: articles, key facts, highlights and notes. `/` focuses it (the popup listens for it). */
export function SearchField({ value, onInput, inputRef }: Props) {
  return (
    <input
      ref={inputRef}
      class="search-field"
      type="search"
      dir="auto"
      value={value}
      placeholder={t('searchPlaceholder')}
      aria-label={t('search')}
      aria-keyshortcuts="/"
      maxLength={500}
      onInput={(event) => onInput(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value) {
          event.preventDefault();
          onInput('');
        }
      }}
    />
  );
}
