/**
 * The embedded default: a demo kiosk with every device simulated and no back
 * office, so `npm start` / `npm run start:web` work on any machine. Real
 * stations always pass `KIOSK_CONFIG`.
 */
export const defaultConfig = {
  station: {
    code: '110105001',
    name: '示例市公安局示例分局示例派出所',
    address: '示例市示例区便民路 1 号 自助服务区',
    phone: '010-00000000',
    complaintPhone: '12389',
    desk: '综合受理窗口',
  },
  kioskId: 'DEMO-01',
  // The demo dock and its methods: a demonstration only, never a station's config.
  demo: true,
  devices: [
    { id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' } },
    { id: 'scanner-1', kind: 'scanner', transport: { type: 'simulated' } },
    { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' } },
  ],
  backOffice: null,
  // A demo shows the rules folder as it is; a station's config requires its authority's signature.
  rules: { signature: 'optional' },
  // Demo-only PINs (technician 246810, guide 135790): a real config sets its own with `npm run pin:hash`.
  staff: {
    technicianPinHash:
      'scrypt$131072$8$1$JkhU2ICu7Edg4KNIVDRH+A==$IScr3l1VRwiHwtlNCGoUo8oNO+SbuEiwHWDfAarGK68=',
    guidePinHash:
      'scrypt$131072$8$1$PmxSLnECWkSaY2ZGXy6/FA==$+2g5w1IgYWnVa3EokgeBxWjfPvECma4bNLUz49ukzW8=',
  },
} as const;
