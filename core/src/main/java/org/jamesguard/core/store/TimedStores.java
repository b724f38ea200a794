package org.jamesguard.core.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;

import org.jamesguard.core.GuardMetrics;

/**
 * Times every call of a store: {@code jamesguard_store_<store>_<method>} (e.g.
 * {@code jamesguard_store_counter_tryacquire}), so a slow backend shows on James's metrics.
 */
public final class TimedStores {
    private TimedStores() {
    }

    public static <T> T timed(Class<T> storeType, T store, GuardMetrics metrics) {
        String prefix = GuardMetrics.PREFIX + "store_"
            + storeType.getSimpleName().replace("Store", "").toLowerCase(Locale.ROOT) + "_";
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(store, arguments);
            }
            return metrics.time(prefix + method.getName().toLowerCase(Locale.ROOT), () -> invoke(store, method, arguments));
        };
        return storeType.cast(Proxy.newProxyInstance(storeType.getClassLoader(), new Class<?>[] {storeType}, handler));
    }

    private static Object invoke(Object store, Method method, Object[] arguments) {
        try {
            return method.invoke(store, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
