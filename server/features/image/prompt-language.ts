/**
 * @module image/prompt-language
 * The rule the prompt tools share: every text they return is in the language the user wrote
 * in (the studio's prompts are written by the user, in Chinese or English or any other).
 */
export const SAME_LANGUAGE_RULE =
  'Write every text you return in the language of the user’s input inside the data block (Chinese input gets Chinese, English input gets English), whatever language these instructions are in.'
