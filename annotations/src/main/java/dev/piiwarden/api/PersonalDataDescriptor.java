package dev.piiwarden.api;

import java.util.List;

/**
 * Describes the {@link dev.piiwarden.annotations.PersonalData} members that one class declares
 * (not those it inherits) and reads their values without reflection. The processor generates an
 * implementation named {@code <Class>_PiiWardenDescriptor} beside each class that has such members;
 * {@link PersonalDataDescriptors} finds them.
 *
 * @param <T> the described class
 */
public interface PersonalDataDescriptor<T> {
  /** The described class. */
  Class<T> type();

  /** The members the class declares, in declaration order. */
  List<PersonalDataMember<T>> members();
}
