import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import { FilledIn } from '../FilledIn/FilledIn';
import styles from './SearchForm.module.css';

export interface SearchFormProps {
  /** The search page's own URL: the form submits `q` to it, so a search is a URL. */
  searchUrl: string;
  /** The archive's URL, for readers whose browser runs no JavaScript. */
  archiveUrl: string;
  /** The search script (public/search.js), the only page script of the site's own besides the comments loader. */
  scriptUrl: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/** The messages the search script writes, in the page's language: read from the form's `data-search-text` (public/search.js). */
export const searchScriptText = (text: Dictionary) => ({ searching: text.searching, noResults: text.noResults, resultCount: text.resultCount, searchFailed: text.searchFailed });

/**
 * The search page: a search box that is a plain GET form (`?q=`), a live status line, and
 * the result list. The page ships only markup; its script, loaded as a module after the page
 * is parsed, finds these parts by their `data-search-*` attributes, fills the box from `?q=`,
 * loads Pagefind and the index when a search needs them, and writes the results. Without
 * JavaScript the page says so and points to the archive. The script's messages come with the
 * page's other text, as JSON in the form's `data-search-text`.
 */
export function SearchForm({ searchUrl, archiveUrl, scriptUrl, text = ENGLISH }: SearchFormProps) {
  return (
    <>
      <h1>{text.search}</h1>
      <form className={styles.form} role="search" action={searchUrl} method="get" data-search-form="" data-search-text={JSON.stringify(searchScriptText(text))}>
        <label className={styles.label} htmlFor="search-query">
          {text.searchLabel}
        </label>
        <div className={styles.row}>
          <input className={styles.input} id="search-query" name="q" type="search" autoComplete="off" spellCheck={false} enterKeyHint="search" />
          <button className={styles.button} type="submit">
            {text.searchButton}
          </button>
        </div>
      </form>
      <noscript>
        <p className={styles.noScript}>
          <FilledIn text={text.searchNoScript} values={{ archive: <a href={archiveUrl}>{text.searchNoScriptArchive}</a> }} />
        </p>
      </noscript>
      <section className={styles.results} aria-label={text.searchResults}>
        <p className={styles.status} aria-live="polite" data-search-status="" />
        <ol className={styles.list} data-search-results="" />
        <button className={styles.button} type="button" hidden data-search-more="">
          {text.moreResults}
        </button>
      </section>
      {/* A module script is deferred already: it runs once the page is parsed, blocking nothing. */}
      {/* eslint-disable-next-line @next/next/no-sync-scripts */}
      <script type="module" src={scriptUrl} />
    </>
  );
}
