package com.nettoria.command.notification.adapter.text;

/**
 * An email as rendered from its templates.
 *
 * @param subject the subject line
 * @param text    the plain-text part
 * @param html    the HTML part (values escaped)
 */
public record MailContent(String subject, String text, String html) {
}
