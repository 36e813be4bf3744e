import type { TrustedKey } from '../../rules/node/bundle-files';
import type { RuleProblem } from '../../rules/engine/lint';
import type { CommonRules, ServiceId, ServiceRule } from '../../rules/engine/schema';
import type { CalendarYearFile, HolidayCalendar } from '../../rules/engine/workdays';

/* What the kiosk serves citizens from its rules folder (rule-files.ts) or a signed bundle (rule-bundle.ts). */

export interface LoadedRule {
  /** The service merged with rules/common.json, as citizens meet it. */
  readonly rule: ServiceRule;
  /** SHA-256 of the service file and common.json: every application records the exact rules it was checked against. */
  readonly hash: string;
  readonly file: string;
  /** `last-good`: the current file was refused and the copy that last loaded is in use. */
  readonly source: 'current' | 'last-good';
}

export interface RuleFileProblem {
  readonly file: string;
  readonly problems: readonly RuleProblem[];
  /** What the kiosk did about it. */
  readonly action: 'refused' | 'using-last-good';
}

export interface RuleSet {
  readonly rules: ReadonlyMap<ServiceId, LoadedRule>;
  /** Files refused at start-up; citizens never see them, technicians do. */
  readonly problems: readonly RuleFileProblem[];
  /** From common.json: the reasons a hall guide may give for the green channel. */
  readonly guideReasons: CommonRules['guideReasons'];
  /** The State Council's arrangements, from rules/calendar (part of the bundle). */
  readonly calendar: HolidayCalendar;
  readonly calendarYears: readonly CalendarYearFile[];
  /** The signed bundle in use; null when the kiosk does not require signatures. */
  readonly bundle: BundleInfo | null;
}

/** How the kiosk trusts its rules: a packaged kiosk requires the issuing authority's signature. */
export type RulePolicy =
  | { readonly signature: 'optional' }
  | {
      readonly signature: 'required';
      readonly trustedKeys: readonly TrustedKey[];
      /** <dataDir>/rules-bundle: a copy of the last bundle that verified and loaded. */
      readonly goodBundleDir: string;
      /** Bundles fetched from the back office, waiting to be applied between sessions. */
      readonly incomingDir?: string;
    };

export type FolderRuleSet = Omit<RuleSet, 'bundle'>;

/** Which bundle the kiosk serves, for technicians and the slip's audit trail. */
export interface BundleInfo {
  readonly version: string;
  readonly reviewedBy: string;
  readonly reviewedAt: string;
  readonly issuer: string;
  readonly keyId: string;
  /** `last-good`: a newer bundle was refused and the one applied before still serves. */
  readonly source: 'current' | 'incoming' | 'last-good';
}
