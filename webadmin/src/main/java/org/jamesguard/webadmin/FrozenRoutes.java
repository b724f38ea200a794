package org.jamesguard.webadmin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonExtractor;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.hijack.FreezeService;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Frozen accounts over WebAdmin:
 * <ul>
 * <li>{@code GET /guard/frozen?offset=0&limit=100}: frozen accounts, by account name;</li>
 * <li>{@code GET /guard/frozen/{account}}: reason, counts, IPs, time;</li>
 * <li>{@code PUT /guard/frozen/{account}} with {@code {"reason":"..."}}: freeze by hand (201; 200 if it was frozen);</li>
 * <li>{@code DELETE /guard/frozen/{account}}: unfreeze, as a postmaster's reply would.</li>
 * </ul>
 */
public class FrozenRoutes {
    static final String FROZEN = GuardRoutes.BASE_PATH + "/frozen";
    static final int MAX_PAGE = 1000;

    private final FreezeService freezes;
    private final UsersRepository users;
    private final JsonTransformer json;
    private final JsonExtractor<FreezeRequest> extractor = new JsonExtractor<>(FreezeRequest.class);

    @Inject
    public FrozenRoutes(FreezeService freezes, UsersRepository users, JsonTransformer json) {
        this.freezes = freezes;
        this.users = users;
        this.json = json;
    }

    void define(Service service) {
        service.get(FROZEN, this::list, json);
        service.get(FROZEN + "/:account", (request, response) -> toJson(frozen(RequestParameters.account(request))), json);
        service.put(FROZEN + "/:account", this::freeze, json);
        service.delete(FROZEN + "/:account", this::unfreeze);
    }

    private Map<String, Object> list(Request request, Response response) {
        int offset = RequestParameters.integer(request, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = RequestParameters.integer(request, "limit", 100, 1, MAX_PAGE);
        List<FreezeRecord> all = freezes.list();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", all.size());
        page.put("offset", offset);
        page.put("frozen", all.stream().skip(offset).limit(limit).map(FrozenRoutes::toJson).collect(Collectors.toList()));
        return page;
    }

    private Object freeze(Request request, Response response) {
        String account = AccountRoutes.existingAccount(users, request);
        FreezeRequest body = RequestParameters.body(request, extractor, () -> new FreezeRequest(null));
        Optional<FreezeRecord> frozen = freezes.freeze(account, body.reason, true, Map.of(), AuditContext.forAccount(account));
        response.status(frozen.isPresent() ? HttpStatus.CREATED_201 : HttpStatus.OK_200);
        return toJson(frozen.orElseGet(() -> frozen(account)));
    }

    private String unfreeze(Request request, Response response) {
        String account = RequestParameters.account(request);
        if (freezes.unfreeze(account, "an administrator over WebAdmin", AuditContext.forAccount(account)).isEmpty()) {
            throw notFrozen(account);
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private FreezeRecord frozen(String account) {
        return freezes.find(account).orElseThrow(() -> notFrozen(account));
    }

    private static spark.HaltException notFrozen(String account) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorType.NOT_FOUND)
            .message("%s is not frozen", account)
            .haltError();
    }

    static Map<String, Object> toJson(FreezeRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", record.account());
        json.put("reason", record.reason());
        json.put("frozenAt", record.frozenAt().toString());
        json.put("expires", record.expires().map(Object::toString).orElse(null));
        json.put("requiresAdministrator", record.requiresAdministrator());
        json.put("counts", record.counts());
        json.put("ips", record.ips());
        return json;
    }

    /** The optional body of a PUT. */
    public static final class FreezeRequest {
        private final String reason;

        @JsonCreator
        public FreezeRequest(@JsonProperty("reason") String reason) {
            this.reason = reason == null || reason.isBlank() ? "frozen by an administrator" : reason;
        }
    }
}
