; Inno Setup script for Penholder, filled in and compiled by build_installer.py (iscc).
; Not yet tested: written from the Inno Setup documentation and novelWriter's setup script.
; Installs for the current user without administrator rights (locked-down office laptops),
; or for all users when run as administrator (PrivilegesRequiredOverridesAllowed).
#define AppVersion "@VERSION@"
#define SourceDir "@SOURCE@"
#define OutputDir "@OUTPUT@"
#define IconFile "@ICON@"

[Setup]
AppId={{6F3C2B1E-5A4D-4E8F-9B7C-2D1A0E9F8C34}
AppName=Penholder
AppVersion={#AppVersion}
AppVerName=Penholder {#AppVersion}
AppPublisher=Penholder
DefaultDirName={autopf}\Penholder
DefaultGroupName=Penholder
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir={#OutputDir}
OutputBaseFilename=penholder-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Penholder.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Penholder"; Filename: "{app}\Penholder.exe"
Name: "{autodesktop}\Penholder"; Filename: "{app}\Penholder.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; .penholder files open in Penholder (HKA: the current user's or all users' classes, by install mode)
Root: HKA; Subkey: "Software\Classes\.penholder\OpenWithProgids"; ValueType: string; ValueName: "Penholder.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Penholder.Document"; ValueType: string; ValueName: ""; ValueData: "Penholder document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Penholder.Document\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Penholder.exe,0"
Root: HKA; Subkey: "Software\Classes\Penholder.Document\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Penholder.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\Penholder.exe\SupportedTypes"; ValueType: string; ValueName: ".penholder"; ValueData: ""

[Run]
Filename: "{app}\Penholder.exe"; Description: "{cm:LaunchProgram,Penholder}"; Flags: nowait postinstall skipifsilent
