package dev.plugboard.host.internal.plugins;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a plugin class so that its calls to {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} (direct calls and method references) go to {@link RefusedExit} instead,
 * which refuses them. The stack shape of each call is unchanged, so nothing else in the class
 * moves. Calls made through reflection or method handles looked up at run time are not seen here;
 * see the README's Security section.
 */
final class ExitCalls {

  private static final String GUARD = Type.getInternalName(RefusedExit.class);
  private static final String SYSTEM = "java/lang/System";
  private static final String RUNTIME = "java/lang/Runtime";
  /** {@code CONSTANT_NameAndType}, the tag of a name and type in the constant pool (JVMS 4.4). */
  private static final int NAME_AND_TYPE = 12;

  private ExitCalls() {}

  /** {@code classFile} with exit calls redirected, or {@code classFile} itself when it makes none. */
  static byte[] rewrite(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    if (!namesAnExitMethod(reader)) {
      return classFile; // no call or method reference can reach exit(int) or halt(int): nothing to copy
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    Redirect redirect = new Redirect(writer);
    reader.accept(redirect, 0);
    return redirect.changed ? writer.toByteArray() : classFile;
  }

  /**
   * Whether the class's constant pool holds a method name and type {@code exit(I)V} or
   * {@code halt(I)V}: every call and method reference to {@code System.exit}, {@code Runtime.exit}
   * or {@code Runtime.halt} goes through one, so a class without it has none of them, and most
   * classes are passed on after this look at the pool alone.
   */
  private static boolean namesAnExitMethod(ClassReader reader) {
    char[] buffer = new char[reader.getMaxStringLength()];
    for (int item = 1; item < reader.getItemCount(); item++) {
      int offset = reader.getItem(item);
      if (offset > 0 && reader.readByte(offset - 1) == NAME_AND_TYPE) {
        String name = reader.readUTF8(offset, buffer);
        if ((name.equals("exit") || name.equals("halt")) && reader.readUTF8(offset + 2, buffer).equals("(I)V")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The guard method a call to {@code owner.name(descriptor)} goes to, or {@code null} for other calls. */
  private static String guardMethod(String owner, String name, String descriptor) {
    if (owner.equals(SYSTEM) && name.equals("exit") && descriptor.equals("(I)V")) {
      return "systemExit";
    }
    if (owner.equals(RUNTIME) && descriptor.equals("(I)V")) {
      return name.equals("exit") ? "runtimeExit" : name.equals("halt") ? "runtimeHalt" : null;
    }
    return null;
  }

  private static String guardDescriptor(String owner) {
    return owner.equals(SYSTEM) ? "(I)V" : "(L" + RUNTIME + ";I)V";
  }

  private static final class Redirect extends ClassVisitor {
    boolean changed;

    Redirect(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
          String guard = guardMethod(owner, method, desc);
          if (guard != null && (opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKEVIRTUAL)) {
            changed = true;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, guard, guardDescriptor(owner), false);
          } else {
            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
          }
        }

        @Override
        public void visitLdcInsn(Object value) {
          super.visitLdcInsn(value instanceof Handle handle ? redirect(handle) : value);
        }

        @Override
        public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
          Object[] redirected = arguments.clone();
          for (int i = 0; i < redirected.length; i++) {
            if (redirected[i] instanceof Handle handle) {
              redirected[i] = redirect(handle);
            }
          }
          super.visitInvokeDynamicInsn(method, desc, bootstrap, redirected);
        }
      };
    }

    /** {@code System::exit} and {@code runtime::halt} as method references. */
    private Handle redirect(Handle handle) {
      String guard = guardMethod(handle.getOwner(), handle.getName(), handle.getDesc());
      if (guard == null) {
        return handle;
      }
      changed = true;
      return new Handle(Opcodes.H_INVOKESTATIC, GUARD, guard, guardDescriptor(handle.getOwner()), false);
    }
  }
}
