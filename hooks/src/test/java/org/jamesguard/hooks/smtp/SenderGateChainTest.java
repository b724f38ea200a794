package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.james.protocols.api.handler.WiringException;
import org.apache.james.protocols.smtp.core.DataLineFilter;
import org.apache.james.protocols.smtp.core.ReceivedDataLineFilter;
import org.junit.jupiter.api.Test;

/** SenderGate reads the DATA lines as the client sent them, so it must see them before James's Received filter. */
class SenderGateChainTest {
    private final SenderGate gate = new SenderGate(null, null, null, null, null, null);

    @Test
    void startsBeforeJamesCoreFilters() {
        assertThatCode(() -> gate.wireExtensions(DataLineFilter.class, List.of(gate, new ReceivedDataLineFilter())))
            .doesNotThrowAnyException();
    }

    @Test
    void refusesToStartBehindJamesReceivedFilter() {
        assertThatThrownBy(() -> gate.wireExtensions(DataLineFilter.class, List.of(new ReceivedDataLineFilter(), gate)))
            .isInstanceOf(WiringException.class)
            .hasMessageContaining("must come before org.apache.james.protocols.smtp.core.ReceivedDataLineFilter in the <handlerchain>");
    }
}
