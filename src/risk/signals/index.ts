// Every key signal, in the order their reasons are reported.
import { addressShapeDrift } from './address-shape.js';
import { anonymisingNetwork } from './anonymising-network.js';
import { canaryUsed } from './canary.js';
import { concurrentNetworks } from './concurrent-networks.js';
import { contentAbuse } from './content-abuse.js';
import { countryAlternation } from './country-alternation.js';
import { costShift } from './cost-shift.js';
import { fingerprintDrift } from './fingerprint-drift.js';
import { impossibleTravel } from './impossible-travel.js';
import { keyPooling } from './key-pooling.js';
import { keyLeaked } from './leaked.js';
import { modalityShift } from './modality-shift.js';
import { networkChurn } from './network-churn.js';
import { newAddressBlock } from './new-block.js';
import { newCountry } from './new-country.js';
import { newNetwork } from './new-network.js';
import { outsideDeclaredNetworks } from './outside-networks.js';
import { unfamiliarPersistence } from './persistence.js';
import { probeThenBurst } from './probe-burst.js';
import { proofRefused } from './proof-refused.js';
import { requestShapeDrift } from './request-shape.js';
import type { Signal } from './signal.js';
import { volumeSpike } from './volume-spike.js';

export const SIGNALS: readonly Signal[] = [
  canaryUsed,
  keyLeaked,
  outsideDeclaredNetworks,
  keyPooling,
  newNetwork,
  newAddressBlock,
  newCountry,
  anonymisingNetwork,
  networkChurn,
  concurrentNetworks,
  impossibleTravel,
  countryAlternation,
  unfamiliarPersistence,
  fingerprintDrift,
  probeThenBurst,
  volumeSpike,
  modalityShift,
  requestShapeDrift,
  addressShapeDrift,
  costShift,
  contentAbuse,
  proofRefused,
];
