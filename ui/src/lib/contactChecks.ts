// What the quick form works out before it saves: whose the signal, own words and
// check-in of a group contact are, and whether a moment in the future was meant.
import type { GivenRating } from "../bindings/GivenRating";

/** One person: everything is theirs. A group: those ticked. Saved from the form,
 *  the mark of a contact from before Naast asked whose goes (the supporter saw it). */
export function whoseOf(ids: number[], f: { signalFor: number[]; ownWordsFor: number[]; checkinFor: number[] }) {
  const of = (list: number[]) => (ids.length === 1 ? ids : ids.filter((id) => list.includes(id)));
  return { signal_for: of(f.signalFor), own_words_for: of(f.ownWordsFor), checkin_for: of(f.checkinFor), whose_unsure: false };
}

/** Asks once about a contact in the future ("morgen 10:00" typed for today): true
 *  the first time a moment more than five minutes ahead is saved, false when it is
 *  saved again, or when it is the moment the contact already had. */
export function futureOnce(): (at: number, had?: number) => boolean {
  let asked: number | null = null;
  return (at, had) => {
    if (at <= Date.now() / 1000 + 300 || at === asked || at === had) return false;
    asked = at;
    return true;
  };
}

/** A rating under a ticked goal, as the form holds it: no score yet is `null`. */
export type GivenForm = { goal: number; score: number | null; words: string };

/** What the form sends: the ratings with a score, of goals still ticked. An edit
 *  sends them all, so a rating cleared in the form is removed. */
export function scored(goals: number[], ratings: GivenForm[]): GivenRating[] {
  return ratings.flatMap((r) => (r.score === null || !goals.includes(r.goal) ? [] : [{ goal: r.goal, score: r.score, words: r.words }]));
}
