package org.jamesguard.webadmin;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.jamesguard.core.hijack.AccountUsage;

import spark.Request;
import spark.Service;

/**
 * {@code GET /guard/accounts/{account}/counters}: the account's current window counts per IP class,
 * client addresses, refused recipients, IPs seen, and the limits that apply.
 */
public class AccountRoutes {
    static final String ACCOUNTS = GuardRoutes.BASE_PATH + "/accounts";

    private final AccountUsage usage;
    private final UsersRepository users;
    private final JsonTransformer json;

    @Inject
    public AccountRoutes(AccountUsage usage, UsersRepository users, JsonTransformer json) {
        this.usage = usage;
        this.users = users;
        this.json = json;
    }

    void define(Service service) {
        service.get(ACCOUNTS + "/:account/counters", (request, response) -> counters(request), json);
    }

    private Map<String, Object> counters(Request request) {
        return usage.of(existingAccount(users, request));
    }

    /** The canonical name of the account in the path: 400 when malformed, 404 when not an account here. */
    static String existingAccount(UsersRepository users, Request request) {
        String account = RequestParameters.account(request);
        try {
            if (!users.contains(Username.of(account))) {
                throw ErrorResponder.builder()
                    .statusCode(HttpStatus.NOT_FOUND_404)
                    .type(ErrorType.NOT_FOUND)
                    .message("%s is not an account of this server", account)
                    .haltError();
            }
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException(e);
        }
        return account;
    }
}
