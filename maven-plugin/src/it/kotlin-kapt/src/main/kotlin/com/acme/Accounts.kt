package com.acme

import dev.piiwarden.annotations.Category
import dev.piiwarden.annotations.ConsentRequired
import dev.piiwarden.annotations.DataSubject
import dev.piiwarden.annotations.PersonalData
import dev.piiwarden.annotations.Purpose

/** Annotated as the processor's README says: on the field of each constructor property. */
data class Customer(
    @field:DataSubject val id: String,
    @field:PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = [Purpose.MARKETING])
    val email: String,
)

/** Annotated as Kotlin takes it by default: on the constructor's parameter only (PW026). */
class Lead(@PersonalData(category = Category.USER_CONTACT_PHONE_NUMBER) val phone: String)

class Mailer {
    @ConsentRequired(Purpose.MARKETING)
    fun send(customer: Customer): String = "sent to " + customer.id
}
