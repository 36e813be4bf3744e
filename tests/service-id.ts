import { serviceIdSchema, type ServiceId } from '../core/ids';

/** A service item's id as the kiosk holds one (branded): only through its schema, in tests too. */
export const serviceId = (id: string): ServiceId => serviceIdSchema.parse(id);
