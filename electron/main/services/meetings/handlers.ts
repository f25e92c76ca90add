import type { Database } from 'better-sqlite3';
import type { CallName } from '@shared/contract';
import type { HandlersOf } from '../handlers';
import { addAction, listActions, removeAction, restoreAction, setActionStatus, updateAction } from './actions';
import { itemService } from './items';
import { search } from './search';
import { getMeeting, listOverview, saveNotes, setAttendance, setHeld, setNext, setTiming } from './service';
import { addThemeToMeeting, listThemes, removeThemeFromMeeting, restoreThemeToMeeting } from './themes';

type MeetingCalls = Extract<CallName, `meetings.${string}` | `themes.${string}` | `actions.${string}` | `tasks.${string}` | `ideas.${string}` | 'search.query'>;

export const meetingHandlers = (db: Database): HandlersOf<MeetingCalls> => {
  const tasks = itemService(db, 'task');
  const ideas = itemService(db, 'idea_to_forward');
  return {
    'meetings.overview': () => listOverview(db),
    'meetings.get': ({ id }) => getMeeting(db, id),
    'meetings.setTiming': (input) => setTiming(db, input),
    'meetings.setHeld': (input) => setHeld(db, input),
    'meetings.saveNotes': (input) => saveNotes(db, input),
    'meetings.setAttendance': (input) => setAttendance(db, input),
    'meetings.setNext': (input) => setNext(db, input),
    'themes.list': () => listThemes(db),
    'themes.addToMeeting': (input) => addThemeToMeeting(db, input),
    'themes.removeFromMeeting': (input) => removeThemeFromMeeting(db, input),
    'themes.restoreToMeeting': (input) => restoreThemeToMeeting(db, input),
    'actions.list': (input) => listActions(db, input),
    'actions.add': (input) => addAction(db, input),
    'actions.update': (input) => updateAction(db, input),
    'actions.setStatus': (input) => setActionStatus(db, input),
    'actions.remove': (input) => removeAction(db, input),
    'actions.restore': (input) => restoreAction(db, input),
    'tasks.add': tasks.add,
    'tasks.update': tasks.update,
    'tasks.remove': tasks.remove,
    'tasks.restore': tasks.restore,
    'ideas.add': ideas.add,
    'ideas.update': ideas.update,
    'ideas.remove': ideas.remove,
    'ideas.restore': ideas.restore,
    'search.query': (input) => search(db, input),
  };
};
