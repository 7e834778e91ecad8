package org.leantta.features.kurastacks.probe;

import java.lang.reflect.Proxy;
import org.eclipse.kura.wire.WireHelperService;
import org.eclipse.kura.wire.WireSupport;

/**
 * Test double of Kura's WireHelperService, so that a wire component can activate on a stack without Kura's wire
 * graph: it answers nothing but {@code newWireSupport}, whose WireSupport drops what is emitted (nothing is wired
 * on the stack).
 */
final class WireHelperDouble {

    private WireHelperDouble() {
    }

    static WireHelperService create() {
        ClassLoader loader = WireHelperDouble.class.getClassLoader();
        WireSupport support = (WireSupport) Proxy.newProxyInstance(loader, new Class<?>[] {WireSupport.class},
                (proxy, method, args) -> null);
        return (WireHelperService) Proxy.newProxyInstance(loader, new Class<?>[] {WireHelperService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "newWireSupport" -> support;
                    case "isEmitter", "isReceiver" -> false;
                    default -> null;
                });
    }
}
