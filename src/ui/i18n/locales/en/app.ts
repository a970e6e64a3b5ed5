/** English: the catalogue every other language translates, key for key (its type is theirs). */
export const app = {
  language: { label: 'Language', hint: 'The language of the simulator and the report (plans stay the same in every language)' },
};
