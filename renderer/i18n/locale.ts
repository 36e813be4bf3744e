/** The kiosk's languages: Chinese first, English beside it. */
export type Locale = 'zh-CN' | 'en';
