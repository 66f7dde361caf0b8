package dev.piiwarden.samples.accounts.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a 16-byte random salt per password, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64), so the work factor can be raised later
 * without invalidating stored hashes.
 */
public final class PasswordHasher {
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();
  /** Compared against for unknown accounts, so that a login takes as long either way. */
  private final String decoy;

  public PasswordHasher(int iterations) {
    this.iterations = iterations;
    this.decoy = hash(new char[] {'x'});
  }

  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
        + base64.encodeToString(derive(password, salt, iterations));
  }

  /** Whether {@code password} matches {@code stored}; a null {@code stored} is checked against a decoy. */
  public boolean matches(char[] password, String stored) {
    boolean known = stored != null;
    String[] parts = (known ? stored : decoy).split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] expected = base64.decode(parts[3]);
    byte[] actual = derive(password, base64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual) && known;
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
