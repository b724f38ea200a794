package org.jamesguard.e2e;

import org.jamesguard.harness.ConfDir;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.testing.dns.TestDnsServer;

/** The hosts the reverse-lookup tests play: clients bound to 127.0.0.x, described in the test DNS server. */
final class OutsideHosts {
    /** The local user the test messages go to. */
    static final String ALICE = "alice@" + JamesExtension.DOMAIN;
    static final String PASSWORD = "alice-pw";
    /**
     * James's own resolver, which James Guard does not use: it asks 127.0.0.1:53, where nothing listens,
     * so no query leaves the machine. (James reads servers without a port, so it cannot ask the test server.)
     */
    private static final String LOCAL_DNSSERVICE = "<?xml version=\"1.0\"?>\n<dnsservice><autodiscover>false</autodiscover>"
        + "<servers><server>127.0.0.1</server></servers><authoritative>false</authoritative></dnsservice>\n";

    private OutsideHosts() {
    }

    /**
     * A James whose MX listener is named {@code helloName} (in its EHLO reply and Authentication-Results
     * fields), whose own resolver stays on the machine, and where alice receives the test messages.
     */
    static JamesExtension.Builder james(String helloName) {
        return JamesExtension.builder()
            .confFile("dnsservice.xml", LOCAL_DNSSERVICE)
            .conf(conf -> conf.listener(JamesExtension.MX, listener -> {
                ConfDir.setText(listener, "helloName", helloName);
                ConfDir.child(listener, "helloName").orElseThrow().setAttribute("autodetect", "false");
            }))
            .user(ALICE, PASSWORD);
    }

    /**
     * A mail server done right: its PTR name resolves back to it and is its own mail domain, with an MX
     * record naming itself. Returns the name ({@code mail20.example.net} for 127.0.0.20).
     */
    static String mailServer(TestDnsServer dns, String ip) {
        String host = "mail" + ip.substring(ip.lastIndexOf('.') + 1) + ".example.net";
        dns.ptr(ip, host).addressRecord(host, ip).mx(host, 10, host);
        return host;
    }
}
