package dev.plugboard.host.internal.json;

import java.lang.reflect.Constructor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;

/**
 * Builds records through their canonical constructor by plain reflection. Jackson calls a
 * constructor through {@code MethodHandle.invokeWithArguments}, which at its first use for each
 * constructor shape generates classes no class data archive keeps: a tenth of a cold start that
 * reads a descriptor of thirty record types. A constructor that fails is called again Jackson's
 * own way (records only check their values, so the second call fails the same), so that what it
 * threw reaches the caller exactly as Jackson reports it.
 */
final class RecordConstructors extends JacksonModule {

  @Override
  public String getModuleName() {
    return "plugboard-record-constructors";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addValueInstantiators(new ValueInstantiators() {
      @Override
      public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean) {
        return null;
      }

      @Override
      public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
          ValueInstantiator standard) {
        if (standard.getValueClass().isRecord() && standard.canCreateFromObjectWith()
            && standard.getWithArgsCreator() != null
            && standard.getWithArgsCreator().getAnnotated() instanceof Constructor<?> constructor) {
          return new Reflective(standard, constructor);
        }
        return standard;
      }
    });
  }

  private static final class Reflective extends ValueInstantiator.Delegating {
    private static final long serialVersionUID = 1L;
    private final transient Constructor<?> constructor;

    Reflective(ValueInstantiator standard, Constructor<?> constructor) {
      super(standard);
      this.constructor = constructor;
    }

    @Override
    public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier bean) {
      ValueInstantiator contextual = delegate().createContextual(context, bean);
      return contextual == delegate() ? this : contextual; // another one: used as Jackson made it
    }

    @Override
    public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
        PropertyValueBuffer buffer) throws JacksonException {
      return createFromObjectWith(context, buffer.getParameters(context, properties));
    }

    @Override
    public Object createFromObjectWith(DeserializationContext context, Object[] arguments) throws JacksonException {
      try {
        return constructor.newInstance(arguments);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        return delegate().createFromObjectWith(context, arguments); // fails again, in Jackson's words
      }
    }
  }
}
