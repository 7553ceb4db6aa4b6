package com.nettoria.command.notification.adapter.text;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.coreapi.identity.ContactChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static com.nettoria.command.notification.adapter.NotificationTestData.CODE;
import static com.nettoria.command.notification.adapter.NotificationTestData.EMAIL;
import static com.nettoria.command.notification.adapter.NotificationTestData.HOSTNAME;
import static com.nettoria.command.notification.adapter.NotificationTestData.IP_ADDRESS;
import static com.nettoria.command.notification.adapter.NotificationTestData.ORDER_ID;
import static com.nettoria.command.notification.adapter.NotificationTestData.REFUND;
import static com.nettoria.command.notification.adapter.NotificationTestData.VM_ID;
import static com.nettoria.command.notification.adapter.NotificationTestData.email;
import static com.nettoria.command.notification.adapter.NotificationTestData.parametersWith;
import static com.nettoria.command.notification.adapter.NotificationTestData.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTextsTest {

    private final NotificationTexts texts = new NotificationTexts("https://nettoria.example/");

    static Stream<Arguments> everyTemplateInBothLanguages() {
        return Arrays.stream(NotificationTemplate.values())
                .flatMap(template -> Stream.of(Arguments.of(template, "fa"), Arguments.of(template, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInBothLanguages")
    void everyTemplateHasAnSmsTextWithAllItsParametersFilledIn(NotificationTemplate template, String language) {
        String text = texts.sms(sms(template, language));

        assertThat(text).isNotBlank().doesNotContain("{").doesNotContain("}");
        if (template.parameters().contains("code")) {
            assertThat(text).contains(CODE);
        }
        assertThat(text).contains("fa".equals(language) ? "نتوریا" : "Nettoria");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInBothLanguages")
    void everyTemplateHasAnEmailWithSubjectTextAndHtml(NotificationTemplate template, String language) {
        MailContent mail = texts.mail(email(template, language));

        assertThat(mail.subject()).isNotBlank().doesNotContain("{").doesNotContain("\n");
        assertThat(mail.text()).isNotBlank().doesNotContain("[(").doesNotContain("[#").doesNotContain("${")
                .contains("fa".equals(language) ? "سلام Sara،" : "Hello Sara,");
        assertThat(mail.html()).doesNotContain(" th:").doesNotContain("${")
                .contains("<html lang=\"" + language + "\"")
                .contains("fa".equals(language) ? "dir=\"rtl\"" : "dir=\"ltr\"")
                .contains("https://nettoria.example");
        if (template.parameters().contains("code")) {
            assertThat(mail.text()).contains(CODE);
            assertThat(mail.html()).contains(CODE);
        }
    }

    @Test
    void theHtmlPartEscapesParametersAndTheNameWhileTheTextPartKeepsThemAsTheyAre() {
        String link = "https://nettoria.example/verify?token=a&next=\"><script>alert(1)</script>";
        Notification notification = new Notification(ContactChannel.EMAIL, EMAIL, "<b>Sara</b>", "en",
                NotificationTemplate.VERIFY_EMAIL, parametersWith(NotificationTemplate.VERIFY_EMAIL, "link", link));

        MailContent mail = texts.mail(notification);

        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<b>Sara</b>")
                .contains("Hello &lt;b&gt;Sara&lt;/b&gt;,")
                .contains("href=\"https://nettoria.example/verify?token=a&amp;next=&quot;&gt;&lt;script&gt;");
        assertThat(mail.text()).contains("Hello <b>Sara</b>,").contains(link);
    }

    @Test
    void aLinkThatIsAPathIsMadeAbsoluteWithThePublicBaseUrl() {
        MailContent mail = texts.mail(email(NotificationTemplate.VERIFY_EMAIL, "fa"));

        assertThat(mail.text()).contains("https://nettoria.example/verify-email?token=abc");
        assertThat(mail.html()).contains("href=\"https://nettoria.example/verify-email?token=abc\"");
    }

    @Test
    void theTwoFactorStateIsSaidInTheRecipientsLanguage() {
        Map<String, String> disabled = Map.of("state", "disabled");
        Notification persian = new Notification(ContactChannel.SMS, "+989121234567", null, "fa",
                NotificationTemplate.TWO_FACTOR_CHANGED, disabled);
        Notification english = new Notification(ContactChannel.EMAIL, EMAIL, null, "en",
                NotificationTemplate.TWO_FACTOR_CHANGED, disabled);

        assertThat(texts.sms(persian)).contains("غیرفعال شد");
        assertThat(texts.mail(english).subject()).isEqualTo("Two-step verification turned off for your Nettoria account");
        assertThat(texts.mail(english).text()).contains("was turned off").doesNotContain("turned on");
        assertThat(texts.displayValue("fa", "state", "enabled")).isEqualTo("فعال");
        assertThat(texts.displayValue("en", "code", CODE)).isEqualTo(CODE);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"fa", "en"})
    void theVmReadyMessageNamesTheServerItsAddressAndItsId(String language) {
        String sms = texts.sms(sms(NotificationTemplate.VM_READY, language));
        MailContent mail = texts.mail(email(NotificationTemplate.VM_READY, language));

        assertThat(sms).contains(HOSTNAME).contains(IP_ADDRESS);
        assertThat(mail.subject()).contains(HOSTNAME);
        assertThat(mail.text()).contains(HOSTNAME).contains(IP_ADDRESS).contains(VM_ID);
        assertThat(mail.html()).contains(">" + HOSTNAME + "<").contains(">" + IP_ADDRESS + "<").contains(">" + VM_ID + "<");
    }

    @Test
    void theOrderFailedMessageSaysWhyAndWhatWentBackToTheWalletInTheReadersLanguage() {
        Map<String, String> noRoom = parametersWith(NotificationTemplate.ORDER_FAILED, "reason", "capacity");
        Notification persian = new Notification(ContactChannel.SMS, "+989121234567", null, "fa",
                NotificationTemplate.ORDER_FAILED, noRoom);
        Notification english = new Notification(ContactChannel.EMAIL, EMAIL, null, "en",
                NotificationTemplate.ORDER_FAILED, noRoom);

        assertThat(texts.sms(persian)).contains("به دلیل کمبود ظرفیت آزاد در مرکز داده‌ای که انتخاب کردید")
                .contains("مبلغ " + REFUND + " به کیف پول شما بازگردانده شد");
        MailContent mail = texts.mail(english);
        assertThat(mail.subject()).isEqualTo("Your Nettoria order could not be completed and was refunded");
        assertThat(mail.text()).contains("(order " + ORDER_ID + ")")
                .contains("The data centre you chose has no free capacity").doesNotContain("technical problem")
                .contains("We have returned " + REFUND + " to your Nettoria wallet");
        assertThat(mail.html()).contains("<strong dir=\"ltr\">" + REFUND + "</strong>");
    }

    @Test
    void anOrderThatFailedForAnyOtherReasonIsSaidToHaveFailedOnOurSide() {
        MailContent persian = texts.mail(email(NotificationTemplate.ORDER_FAILED, "fa"));
        String english = texts.sms(sms(NotificationTemplate.ORDER_FAILED, "en"));

        assertThat(persian.text()).contains("یک مشکل فنی در سامانه ما مانع آن شد").doesNotContain("ظرفیت");
        assertThat(persian.html()).contains("یک مشکل فنی در سامانه ما مانع آن شد").doesNotContain("ظرفیت");
        assertThat(english).isEqualTo("Nettoria: we could not set up the server you ordered because of a technical "
                + "problem on our side. " + REFUND + " has gone back to your wallet.");
    }

    @Test
    void aRecipientWithoutANameIsGreetedWithoutOne() {
        Notification nameless = new Notification(ContactChannel.EMAIL, EMAIL, " ", "fa",
                NotificationTemplate.PASSWORD_CHANGED, Map.of());

        MailContent mail = texts.mail(nameless);

        assertThat(mail.text()).startsWith("سلام،\n");
        assertThat(mail.html()).contains(">سلام،</p>");
    }

    @Test
    void aMessageLackingAParameterItsTemplateDeclaresIsRefused() {
        Notification withoutCode = new Notification(ContactChannel.SMS, "+989121234567", null, "en",
                NotificationTemplate.LOGIN_CODE, Map.of("minutes", "10"));

        assertThatThrownBy(() -> texts.sms(withoutCode))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessage("LOGIN_CODE lacks its parameter 'code'");
    }
}
