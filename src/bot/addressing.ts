// Who a message is for. In groups the bot may see every message (privacy mode off, or as an admin) and
// must answer only what is addressed to it: /ask or /ask@ThisBot, an @mention, a reply to its own message.
import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";

export interface CommandCall {
  /** Lower-case command name without the slash. */
  command: string;
  /** The bot named after "@", if any. */
  target?: string;
  /** Everything after the command, trimmed. */
  args: string;
}

/** The command a message starts with, as Telegram marks it (a bot_command entity at offset 0). */
export function parseCommand(
  text: string | undefined,
  entities: MessageEntity[] | undefined,
): CommandCall | undefined {
  const entity = entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!text || !entity) return undefined;
  const [name = "", target] = text.slice(1, entity.length).split("@");
  return {
    command: name.toLowerCase(),
    ...(target ? { target } : {}),
    args: text.slice(entity.length).trim(),
  };
}

/** "/cmd@OtherBot": a command for another bot in the same group. */
export function isForAnotherBot(call: CommandCall, me: UserFromGetMe): boolean {
  return call.target !== undefined && call.target.toLowerCase() !== me.username.toLowerCase();
}

function isMentionOfBot(text: string, entity: MessageEntity, me: UserFromGetMe): boolean {
  if (entity.type === "text_mention") return entity.user.id === me.id;
  if (entity.type !== "mention") return false;
  return (
    text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === `@${me.username.toLowerCase()}`
  );
}

export function mentionsBot(message: Pick<Message, "text" | "entities">, me: UserFromGetMe): boolean {
  const text = message.text ?? "";
  return (message.entities ?? []).some((e) => isMentionOfBot(text, e, me));
}

/** The text with every mention of the bot cut out: "@ThisBot who met Kulubaev?" → "who met Kulubaev?". */
export function stripBotMentions(message: Pick<Message, "text" | "entities">, me: UserFromGetMe): string {
  const text = message.text ?? "";
  const cuts = (message.entities ?? [])
    .filter((e) => isMentionOfBot(text, e, me))
    .sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of cuts) out = `${out.slice(0, e.offset)} ${out.slice(e.offset + e.length)}`;
  return out.replace(/\s+/g, " ").trim();
}

/**
 * A reply to one of the bot's own messages. In forum topics every message "replies" to the topic's
 * creation message; that is not a reply to the bot even when the bot created the topic.
 */
export function isReplyToBot(message: Pick<Message, "reply_to_message">, me: UserFromGetMe): boolean {
  const replied = message.reply_to_message;
  return replied?.from?.id === me.id && !replied.forum_topic_created;
}

/**
 * The question in a group message that is addressed to the bot (by mention or by reply), or undefined
 * when the message is ordinary chatter. Commands are handled separately.
 */
export function groupQuestion(
  message: Pick<Message, "text" | "entities" | "reply_to_message">,
  me: UserFromGetMe,
): string | undefined {
  if (!message.text) return undefined;
  if (mentionsBot(message, me)) return stripBotMentions(message, me);
  if (isReplyToBot(message, me)) return message.text.trim();
  return undefined;
}
