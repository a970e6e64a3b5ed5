/** English: the catalogue every other language translates, key for key (its type is theirs). */
export const plans = {};
