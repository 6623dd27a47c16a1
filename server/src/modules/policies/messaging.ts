/**
 * E-mail and SMS leave the platform only through a provider. The default sends nothing (off): a city
 * connects its own gateway by installing a provider at start. Tests install the recording double.
 */
export type OutboundMessage = { channel: 'email' | 'sms'; to: string; subject: string; body: string }
export type DeliveryStatus = 'off' | 'sent' | 'failed'

export interface MessageProvider {
  readonly name: string
  send(message: OutboundMessage): Promise<DeliveryStatus>
}

export const noopProvider: MessageProvider = { name: 'off', send: async () => 'off' }

/** The test double: remembers every message and sends none. */
export class RecordingProvider implements MessageProvider {
  readonly name = 'recording'
  readonly sent: OutboundMessage[] = []
  async send(message: OutboundMessage): Promise<DeliveryStatus> {
    this.sent.push(message)
    return 'sent'
  }
}

let provider: MessageProvider = noopProvider

export function setMessageProvider(next: MessageProvider): void {
  provider = next
}

export function messageProvider(): MessageProvider {
  return provider
}
