/**
 * The plugin view that saves the notes: whenever the annotation set's `version` changes after the starting set is
 * in, it hands the whole set to the autosave (which writes it within 300 ms); it also flushes the autosave when the
 * page is hidden or left (`flushOnPageHide`) and, while saving fails, asks the browser to warn before the page is
 * unloaded (`warnBeforeUnloadWhileFailing`), so that notes are not lost by surprise. Loading the starting set is not
 * a change: it is not written back.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { Annotation } from '../anchoring/annotation-types.ts';
import { flushOnPageHide, warnBeforeUnloadWhileFailing, type Autosave } from '../store/autosave.ts';
import { annotationsOf, type AnnotationsState } from './annotation-plugin.ts';

/** The autosave plugin's key (it has no state of its own). */
export const autosaveKey = new PluginKey('apparatus-autosave');

/** What the plugin needs of an `Autosave`. */
export type AutosaveSink = Pick<Autosave, 'schedule' | 'flush' | 'status'>;

/** The whole annotation set of a state, in load/creation order. */
export function annotationSetOf(notes: AnnotationsState): Annotation[] {
  return [...notes.byId.values()].map((e) => e.annotation);
}

/**
 * The plugin. `window` is where the page-hide and unload listeners go (none: no listeners, e.g. in Node tests);
 * they are removed when the view is destroyed.
 */
export function autosavePlugin(autosave: AutosaveSink, options: { window?: Window } = {}): Plugin {
  return new Plugin({
    key: autosaveKey,
    view: (view) => {
      // The version last handed over (or loaded): null until the starting set is in.
      let saved: number | null = annotationsOf(view.state).loaded ? annotationsOf(view.state).version : null;
      const win = options.window;
      const stops = win ? [flushOnPageHide(autosave, win), warnBeforeUnloadWhileFailing(autosave, win)] : [];
      return {
        update: (view) => {
          const notes = annotationsOf(view.state);
          if (!notes.loaded || notes.version === saved) return;
          if (saved !== null) autosave.schedule(annotationSetOf(notes));
          saved = notes.version;
        },
        destroy: () => stops.forEach((stop) => stop()),
      };
    },
  });
}
