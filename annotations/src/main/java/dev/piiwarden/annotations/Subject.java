package dev.piiwarden.annotations;

/**
 * Keys of every built-in data subject, for use in annotations such as
 * {@code @PersonalData(category = Category.USER_CONTACT_EMAIL)}.
 *
 * <p>The keys, names and descriptions come from the fideslang taxonomy by Ethyca, Inc., licensed
 * under CC BY 4.0 (see NOTICE). A test in piiwarden-core fails when these constants drift from
 * the shipped taxonomy data.
 */
public final class Subject {
  private Subject() {}

  /**
   * Anonymous User: An individual that is unidentifiable to the systems. Note - This should only
   * be applied to truly anonymous users where there is no risk of re-identification
   */
  public static final String ANONYMOUS_USER = "anonymous_user";

  /**
   * Citizen Voter: An individual registered to voter with a state or authority.
   */
  public static final String CITIZEN_VOTER = "citizen_voter";

  /**
   * Commuter: An individual that is traveling or transiting in the context of location tracking.
   */
  public static final String COMMUTER = "commuter";

  /**
   * Consultant: An individual employed in a consultative/temporary capacity by the organization.
   */
  public static final String CONSULTANT = "consultant";

  /**
   * Customer: An individual or other organization that purchases goods or services from the
   * organization.
   */
  public static final String CUSTOMER = "customer";

  /**
   * Employee: An individual employed by the organization.
   */
  public static final String EMPLOYEE = "employee";

  /**
   * Job Applicant: An individual applying for employment to the organization.
   */
  public static final String JOB_APPLICANT = "job_applicant";

  /**
   * Next of Kin: A relative of any other individual subject where such a relationship is known.
   */
  public static final String NEXT_OF_KIN = "next_of_kin";

  /**
   * Passenger: An individual traveling on some means of provided transport.
   */
  public static final String PASSENGER = "passenger";

  /**
   * Patient: An individual identified for the purposes of any medical care.
   */
  public static final String PATIENT = "patient";

  /**
   * Prospect: An individual or organization to whom an organization is selling goods or services.
   */
  public static final String PROSPECT = "prospect";

  /**
   * Shareholder: An individual or organization that holds equity in the organization.
   */
  public static final String SHAREHOLDER = "shareholder";

  /**
   * Supplier/Vendor: An individual or organization that provides services or goods to the
   * organization.
   */
  public static final String SUPPLIER_VENDOR = "supplier_vendor";

  /**
   * Trainee: An individual undergoing training by the organization.
   */
  public static final String TRAINEE = "trainee";

  /**
   * Visitor: An individual visiting a location.
   */
  public static final String VISITOR = "visitor";
}
