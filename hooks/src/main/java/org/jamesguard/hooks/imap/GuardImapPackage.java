package org.jamesguard.hooks.imap;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.imap.processor.LoginProcessor;
import org.apache.james.modules.protocols.ImapPackage;
import org.apache.james.utils.ClassName;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * James's default IMAP package with the two login processors checking the freeze first (SPEC C7):
 * {@link GuardLoginProcessor} and {@link GuardAuthenticateProcessor} in place of {@link LoginProcessor}
 * and {@link AuthenticateProcessor}. Named in {@code imapserver.xml}, at the top level:
 * <pre>{@code
 * <imapservers>
 *     <imapPackages>org.jamesguard.hooks.imap.GuardImapPackage</imapPackages>
 *     <imapserver enabled="true">...</imapserver>
 * </imapservers>
 * }</pre>
 * A configured package replaces James's default one, and James keys processors by the request class
 * they accept, so the originals and their subclasses cannot both be listed. Every other processor,
 * decoder and encoder is taken from {@link ImapPackage#DEFAULT} of the running James, so the list
 * cannot drift from it; start-up fails if a processor to replace is missing from it. Do not list
 * James's {@code DefaultImapPackage} as well.
 */
public class GuardImapPackage extends ImapPackage.Impl {
    static final Map<ClassName, ClassName> REPLACEMENTS = ImmutableMap.of(
        className(LoginProcessor.class), className(GuardLoginProcessor.class),
        className(AuthenticateProcessor.class), className(GuardAuthenticateProcessor.class));

    @Inject
    public GuardImapPackage() {
        this(ImapPackage.DEFAULT);
    }

    GuardImapPackage(ImapPackage defaults) {
        super(replaced(defaults.processors()), ImmutableList.copyOf(defaults.decoders()),
            ImmutableList.copyOf(defaults.encoders()));
    }

    private static ImmutableList<ClassName> replaced(Collection<ClassName> processors) {
        List<ClassName> missing = REPLACEMENTS.keySet().stream()
            .filter(original -> !processors.contains(original))
            .collect(ImmutableList.toImmutableList());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("James's default IMAP package has no " + names(missing)
                + ": GuardImapPackage cannot put the freeze check in front of it");
        }
        return processors.stream()
            .map(processor -> REPLACEMENTS.getOrDefault(processor, processor))
            .collect(ImmutableList.toImmutableList());
    }

    private static String names(List<ClassName> classNames) {
        return classNames.stream().map(ClassName::getName).collect(Collectors.joining(", "));
    }

    private static ClassName className(Class<?> type) {
        return new ClassName(type.getName());
    }
}
