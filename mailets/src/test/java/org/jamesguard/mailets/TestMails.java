package org.jamesguard.mailets;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMail;

/** Mails as James hands them to our matchers and mailets, and mailet contexts with a twist. */
final class TestMails {
    /** The address mails come from unless told otherwise: in the "other" IP class. */
    static final String CLIENT_IP = "198.51.100.7";
    static final String MAIL_NAME = "mail-1";

    private TestMails() {
    }

    /** The recipient of mails built without one. */
    static final String FRIEND = "friend@example.org";

    /**
     * A mail from john@example.com to the recipients (default {@link #FRIEND}), submitted by nobody. The
     * builder's {@code recipients} methods add to these.
     */
    static FakeMail.Builder mail(String... recipients) throws MessagingException {
        return FakeMail.builder().name(MAIL_NAME).sender("john@example.com")
            .recipients(recipients.length == 0 ? new String[] {FRIEND} : recipients).remoteAddr(CLIENT_IP);
    }

    /** A mail submitted by {@code account} in an authenticated SMTP session. */
    static FakeMail.Builder overSmtp(String account, String... recipients) throws MessagingException {
        return mail(recipients).attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(account)));
    }

    /** A mail submitted by {@code account} over JMAP. */
    static FakeMail.Builder overJmap(String account, String... recipients) throws MessagingException {
        return mail(recipients).attribute(new Attribute(Submitters.JMAP_USER, AttributeValue.of(account)));
    }

    /** {@code delegate}, for which the given domains (and no others) are local. */
    static MailetContext withLocalDomains(MailetContext delegate, String... domains) {
        Set<Domain> local = Arrays.stream(domains).map(Domain::of).collect(Collectors.toSet());
        return overriding(delegate, "isLocalServer", args -> local.contains(args[0]));
    }

    /** {@code delegate}, whose sendMail always fails as a full spool would. */
    static MailetContext refusingToSend(MailetContext delegate) {
        return overriding(delegate, "sendMail", args -> {
            throw new Sneaky(new MessagingException("spool full (test)"));
        });
    }

    /** {@code delegate}, whose bounce always fails as a full spool would. */
    static MailetContext refusingToBounce(MailetContext delegate) {
        return overriding(delegate, "bounce", args -> {
            throw new Sneaky(new MessagingException("spool full (test)"));
        });
    }

    private static MailetContext overriding(MailetContext delegate, String methodName, Function<Object[], Object> answer) {
        return (MailetContext) Proxy.newProxyInstance(MailetContext.class.getClassLoader(), new Class<?>[] {MailetContext.class},
            (proxy, method, args) -> {
                try {
                    return method.getName().equals(methodName) ? answer.apply(args) : method.invoke(delegate, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                } catch (Sneaky e) {
                    throw e.getCause();
                }
            });
    }

    /** Carries a checked exception out of a {@link Function}. */
    private static final class Sneaky extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Sneaky(Exception cause) {
            super(cause);
        }
    }
}
