export interface System {
  env: Record<string, string | undefined>;
  platform: string;
  root: boolean;
  debian: boolean;
  executable(path: string): boolean;
  entries(dir: string): string[];
  fontInstalled(): boolean;
}

export interface Missing {
  name: string;
  stages: string[];
  debian: string;
  variable?: string;
  browser?: string;
  where: string;
  pointed?: string;
}

export interface RequirementsCheck {
  missing: Missing[];
  packages: string[];
  install: string | undefined;
  canInstall: boolean;
}

export declare function currentSystem(): System;
export declare function postgresBin(system?: System): string | undefined;
export declare function checkRequirements(stages: string[], system?: System): RequirementsCheck;
export declare function explainMissing(check: RequirementsCheck, system?: System): string;
export declare function ensureRequirements(stages: string[], system?: System, write?: (text: string) => void): boolean;
