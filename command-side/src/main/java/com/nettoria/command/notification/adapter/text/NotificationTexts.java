package com.nettoria.command.notification.adapter.text;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.NotificationTemplate;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of every message, in Persian ({@code fa}) and English ({@code en}), kept as classpath resources under
 * {@code notification/}:
 * <ul>
 *     <li>{@code sms/messages_{lang}.properties}: the SMS text per template (the log outbox sends it; with SMS.ir
 *     the text lives in the provider's panel and these are the wording to register there);</li>
 *     <li>{@code mail/subjects_{lang}.properties}: the email subjects;</li>
 *     <li>{@code mail/{lang}/{template}.html} and {@code .txt}: the email's two parts, plain Thymeleaf templates
 *     (HTML mode escapes every value, text mode writes them as they are); {@code mail/{lang}/layout.html} frames
 *     the HTML ones;</li>
 *     <li>{@code values_{lang}.properties}: words for parameter values, e.g. {@code state.enabled}.</li>
 * </ul>
 * A template is named after the {@link NotificationTemplate} in kebab case: {@code LOGIN_CODE} is
 * {@code login-code}. In the properties files {@code {code}} stands for the parameter {@code code} (its value
 * translated when {@code values_{lang}} has a word for it); the Thymeleaf templates see the parameters as they are,
 * plus {@code name} (the recipient's name, or null) and {@code baseUrl} (the platform's public address). A
 * {@code link} parameter that is a path ({@code /verify?...}) is made absolute with the public base URL.
 * <p>
 * Every parameter a template declares must be present; a missing one is a {@link NotificationFailedException}
 * rather than a message with a hole in it.
 */
public final class NotificationTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final String ROOT = "notification/";

    private final String publicBaseUrl;
    private final TemplateEngine mailTemplates;
    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();

    /** @param publicBaseUrl where people reach the platform, e.g. {@code https://nettoria.ir}, for links */
    public NotificationTexts(String publicBaseUrl) {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.mailTemplates = mailTemplateEngine();
    }

    /** The kebab-case name of the template's resources, e.g. {@code login-code}. */
    public static String resourceName(NotificationTemplate template) {
        return template.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The SMS wording of the message, parameters filled in. */
    public String sms(Notification notification) {
        return fill(text("sms/messages", notification), notification);
    }

    /** The email: subject, plain-text part and HTML part. */
    public MailContent mail(Notification notification) {
        String subject = fill(text("mail/subjects", notification), notification);
        Context context = new Context(Locale.forLanguageTag(notification.language()), variables(notification));
        String base = notification.language() + "/" + resourceName(notification.template());
        try {
            return new MailContent(subject, mailTemplates.process(base + ".txt", context).strip() + "\n",
                    mailTemplates.process(base + ".html", context));
        } catch (TemplateEngineException e) {
            throw new NotificationFailedException("the email template " + base + " could not be rendered", e);
        }
    }

    /**
     * The value of a parameter as the recipient reads it: the word {@code values_{lang}.properties} has for
     * {@code parameter.value} (e.g. {@code state.enabled} is «فعال» in Persian), or the value itself.
     */
    public String displayValue(String language, String parameter, String value) {
        return bundle(ROOT + "values_" + language + ".properties").getProperty(parameter + "." + value, value);
    }

    /** The template's parameters, checked to be all present, with {@code link} made absolute. */
    public Map<String, String> parameters(Notification notification) {
        Map<String, String> values = new HashMap<>(notification.parameters());
        for (String declared : notification.template().parameters()) {
            String value = values.get(declared);
            if (value == null || value.isBlank()) {
                throw new NotificationFailedException(
                        notification.template() + " lacks its parameter '" + declared + "'", null);
            }
        }
        values.computeIfPresent("link", (key, link) -> link.startsWith("/") ? publicBaseUrl + link : link);
        return values;
    }

    private Map<String, Object> variables(Notification notification) {
        Map<String, Object> variables = new HashMap<>(parameters(notification));
        String name = notification.recipientName();
        variables.put("name", name == null || name.isBlank() ? null : name.strip());
        variables.put("baseUrl", publicBaseUrl);
        return variables;
    }

    private String text(String bundle, Notification notification) {
        String file = ROOT + bundle + "_" + notification.language() + ".properties";
        String text = bundle(file).getProperty(resourceName(notification.template()));
        if (text == null) {
            throw new NotificationFailedException(file + " has no text for " + notification.template(), null);
        }
        return text;
    }

    private String fill(String text, Notification notification) {
        Map<String, String> values = parameters(notification);
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String parameter = placeholder.group(1);
            String value = values.get(parameter);
            String replacement = value == null ? placeholder.group() : displayValue(notification.language(), parameter, value);
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        return placeholder.appendTail(filled).toString();
    }

    private Properties bundle(String resource) {
        return bundles.computeIfAbsent(resource, NotificationTexts::load);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = NotificationTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotificationFailedException(resource + " is not on the classpath", null);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return properties;
    }

    private static TemplateEngine mailTemplateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(NotificationTexts.class.getClassLoader());
        resolver.setPrefix(ROOT + "mail/");
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.getTextTemplateModePatternSpec().addPattern("*.txt");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
