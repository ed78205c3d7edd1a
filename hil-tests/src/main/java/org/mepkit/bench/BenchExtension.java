package org.mepkit.bench;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each suite test a {@link BenchSession} on a bench from {@link BenchRuntime} and closes it afterwards. */
public final class BenchExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BenchExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == BenchSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        try {
            String run = c.getConfigurationParameter(BenchRuntime.RUN_PARAMETER).orElse(null);
            BenchSession session = new BenchSession(BenchRuntime.factory(run).open(), BenchRuntime.captureKey(run, c.getUniqueId()));
            c.getStore(NS).put("session", session);
            return session;
        } catch (java.io.IOException e) {
            throw new ParameterResolutionException("cannot open the bench: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterEach(ExtensionContext c) {
        BenchSession session = c.getStore(NS).remove("session", BenchSession.class);
        if (session != null) session.close();
    }
}
