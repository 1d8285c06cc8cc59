# Five principles of the PKO question, in Rego (v1). The mission's facts are
# the input; dates are written as yyyymmdd numbers.
package pko

default eligible := false

ceasefire if input.ceasefire == "agreed"

consent if {
	input.consent_host == "given"
	input.consent_parties == "given"
}

impartial if input.impartial == true

force_within_self_preservation if input.use_of_force in {"none", "self_preservation"}

act_in_force if input.date >= 19920810

eligible if {
	ceasefire
	consent
	impartial
	force_within_self_preservation
	act_in_force
}
