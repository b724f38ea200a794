package org.jamesguard.e2e;

import org.jamesguard.harness.ConfDir;
import org.jamesguard.testing.dns.TestDnsServer;
import org.w3c.dom.Element;

/** The hosts the reverse-lookup tests play: clients bound to 127.0.0.x, described in the test DNS server. */
final class OutsideHosts {
    /**
     * James's own resolver, which James Guard does not use: it asks 127.0.0.1:53, where nothing listens,
     * so no query leaves the machine. (James reads servers without a port, so it cannot ask the test server.)
     */
    static final String LOCAL_DNSSERVICE = "<?xml version=\"1.0\"?>\n<dnsservice><autodiscover>false</autodiscover>"
        + "<servers><server>127.0.0.1</server></servers><authoritative>false</authoritative></dnsservice>\n";

    private OutsideHosts() {
    }

    /** Names the listener {@code host} in its greeting, EHLO reply and Authentication-Results fields. */
    static void helloName(Element listener, String host) {
        ConfDir.setText(listener, "helloName", host);
        ConfDir.child(listener, "helloName").orElseThrow().setAttribute("autodetect", "false");
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
