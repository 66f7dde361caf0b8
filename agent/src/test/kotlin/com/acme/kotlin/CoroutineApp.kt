package com.acme.kotlin

import dev.piiwarden.annotations.ConsentRequired
import dev.piiwarden.annotations.DataSubject
import dev.piiwarden.annotations.OnDenied
import dev.piiwarden.api.ConsentDeniedException
import dev.piiwarden.api.Consents
import dev.piiwarden.api.PrivacyContext
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flowOf
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext

const val MARKETING = "marketing.communications.email"

data class Customer(@field:DataSubject val id: String)

/** Suspend functions with @ConsentRequired, as Kotlin compiles them (a state machine re-entered on resumption). */
class Newsletter {
    @ConsentRequired(MARKETING)
    suspend fun send(customer: Customer): String {
        delay(10) // suspends: Kotlin resumes the function by calling it again, the customer null
        return "sent to " + customer.id
    }

    @ConsentRequired(MARKETING)
    suspend fun sendToCurrent(): String {
        delay(10)
        return "sent to " + PrivacyContext.currentSubject().orElse("nobody")
    }

    @ConsentRequired(MARKETING, onDenied = OnDenied.SKIP)
    suspend fun topics(customer: Customer): List<String> {
        delay(1)
        return listOf("offers")
    }

    @ConsentRequired(MARKETING, onDenied = OnDenied.SKIP)
    suspend fun count(customer: Customer): Int {
        delay(1)
        return 3
    }

    /** From Java: remind(Customer) and remind(Customer, boolean), which Kotlin generates, hand on to this. */
    @ConsentRequired(MARKETING)
    @JvmOverloads
    fun remind(customer: Customer, urgent: Boolean = false, channel: String = "email"): String =
        "reminded " + customer.id + " by " + channel + if (urgent) " now" else ""

    companion object {
        /** From Java: the static Newsletter.blast, which Kotlin generates, hands on to the companion's. */
        @JvmStatic
        @ConsentRequired(MARKETING)
        fun blast(customer: Customer): String = "blasted " + customer.id
    }

    @ConsentRequired(MARKETING, onDenied = OnDenied.SKIP)
    fun updates(customer: Customer): Flow<String> = flowOf("offer")

    @ConsentRequired(MARKETING, onDenied = OnDenied.SKIP)
    suspend fun touch(customer: Customer) {
        delay(1)
        println("touched=" + customer.id)
    }
}

/** A Kotlin interface whose abstract functions ask consent of the class that implements them. */
interface Mailer {
    @ConsentRequired(MARKETING)
    suspend fun mail(customer: Customer): String

    @ConsentRequired(MARKETING)
    fun ping(customer: Customer): String
}

class KotlinMailer : Mailer {
    override suspend fun mail(customer: Customer): String {
        delay(5) // suspends: resumed through the implementation, not checked again
        return "mailed " + customer.id
    }

    override fun ping(customer: Customer): String = "pinged " + customer.id
}

suspend fun outcome(key: String, call: suspend () -> Any?) {
    try {
        println(key + "=ran:" + call())
    } catch (e: ConsentDeniedException) {
        println(key + "=denied:" + e.reason())
    } catch (e: java.lang.reflect.InvocationTargetException) {
        println(key + "=denied:" + (e.cause as ConsentDeniedException).reason())
    }
}

/** Calls a method as Java code would, by its JVM name and parameter types. */
fun fromJava(target: Any?, name: String, vararg arguments: Any): Any? {
    val types = arguments.map { if (it is Boolean) java.lang.Boolean.TYPE else it.javaClass }.toTypedArray()
    return Newsletter::class.java.getMethod(name, *types).invoke(target, *arguments)
}

fun main() = runBlocking {
    val newsletter = Newsletter()
    val customer = Customer("cust-42")
    outcome("first") { newsletter.send(customer) }
    outcome("skippedList") { newsletter.topics(customer).size }
    outcome("skippedInt") { newsletter.count(customer) + 1 }
    outcome("skippedUnit") { newsletter.touch(customer) }
    outcome("skippedFlow") { newsletter.updates(customer).toList().size }
    outcome("overloadDenied") { fromJava(newsletter, "remind", customer) }
    outcome("bridgeDenied") { fromJava(null, "blast", customer) }
    Consents.grant("cust-42", MARKETING, "test")
    outcome("granted") { newsletter.send(customer) }
    outcome("grantedOnPool") { withContext(Dispatchers.Default) { newsletter.send(customer) } }
    outcome("grantedFromContext") { PrivacyContext.`as`("cust-42").use { newsletter.sendToCurrent() } }
    outcome("grantedList") { newsletter.topics(customer).size }
    outcome("overload") { fromJava(newsletter, "remind", customer) }
    outcome("overloadUrgent") { fromJava(newsletter, "remind", customer, true) }
    outcome("bridge") { fromJava(null, "blast", customer) }
    Consents.withdraw("cust-42", MARKETING, "test")
    outcome("withdrawn") { newsletter.send(customer) }
    val mailer: Mailer = KotlinMailer()
    outcome("interfaceDenied") { mailer.mail(customer) }
    outcome("interfacePingDenied") { mailer.ping(customer) }
    Consents.grant("cust-42", MARKETING, "test")
    outcome("interface") { mailer.mail(customer) }
    outcome("interfacePing") { mailer.ping(customer) }
}
