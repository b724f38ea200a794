package org.jamesguard.hooks.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.imap.processor.AuthenticateProcessor;
import org.apache.james.imap.processor.LoginProcessor;
import org.apache.james.modules.protocols.ImapPackage;
import org.apache.james.utils.ClassName;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

class GuardImapPackageTest {
    private final GuardImapPackage guard = new GuardImapPackage();

    private static List<String> names(java.util.Collection<ClassName> classNames) {
        return classNames.stream().map(ClassName::getName).collect(Collectors.toList());
    }

    @Test
    void itListsJamesDefaultProcessorsWithTheTwoLoginProcessorsReplacedInPlace() {
        List<String> expected = names(ImapPackage.DEFAULT.processors()).stream()
            .map(name -> name.equals(LoginProcessor.class.getName()) ? GuardLoginProcessor.class.getName() : name)
            .map(name -> name.equals(AuthenticateProcessor.class.getName()) ? GuardAuthenticateProcessor.class.getName() : name)
            .collect(Collectors.toList());

        assertThat(names(guard.processors())).containsExactlyElementsOf(expected)
            .contains(GuardLoginProcessor.class.getName(), GuardAuthenticateProcessor.class.getName())
            .doesNotContain(LoginProcessor.class.getName(), AuthenticateProcessor.class.getName())
            .hasSize(ImapPackage.DEFAULT.processors().size());
    }

    @Test
    void itListsJamesDefaultDecodersAndEncodersUnchanged() {
        assertThat(guard.decoders()).containsExactlyElementsOf(ImapPackage.DEFAULT.decoders());
        assertThat(guard.encoders()).containsExactlyElementsOf(ImapPackage.DEFAULT.encoders());
    }

    @Test
    void aDefaultPackageWithoutALoginProcessorFailsTheStartWithItsName() {
        ImapPackage withoutLogin = new ImapPackage.Impl(
            ImmutableList.of(new ClassName(AuthenticateProcessor.class.getName())), ImmutableList.of(), ImmutableList.of());

        assertThatThrownBy(() -> new GuardImapPackage(withoutLogin))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("James's default IMAP package has no org.apache.james.imap.processor.LoginProcessor: "
                + "GuardImapPackage cannot put the freeze check in front of it");
    }
}
